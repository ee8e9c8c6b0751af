import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { pointInGrid, report, reportBody, send } from './support';

const db = useTestDatabase();
const clock = fixedClock('2026-06-01T08:00:00Z');
let app: ReturnType<typeof createTestApp>;
let operator: string;

beforeAll(async () => {
  app = createTestApp(db(), { clock });
  const { district } = await areaCodes(db());
  operator = (await makeKey(db(), 'operator', [district])).key;
});

describe('POST /api/v1/incidents', () => {
  it('creates an incident in the grid of its point, with deadlines and its report event', async () => {
    const at = await pointInGrid(db());
    const { incident } = await report(app, operator, at.lng, at.lat);
    expect(incident.code).toMatch(/^YP20260601\d{6}$/);
    expect(incident).toMatchObject({
      status: 'reported',
      gridCode: at.gridCode,
      communityCode: at.communityCode,
      escalationLevel: 'grid',
      version: 1,
      reportedAt: '2026-06-01T08:00:00.000Z',
      acceptDeadline: '2026-06-01T09:00:00.000Z',
      resolveDeadline: '2026-06-02T08:00:00.000Z',
    });
    const timeline = incident.timeline as { type: string }[];
    expect(timeline.map((e) => e.type)).toEqual(['report']);
    const row = await db().pool.query('SELECT grid_code FROM incidents WHERE code = $1', [
      incident.code,
    ]);
    expect(row.rows[0].grid_code).toBe(at.gridCode);
  });

  it('refuses a point outside the district with 422', async () => {
    const response = await send(app, 'POST', '/api/v1/incidents', operator, reportBody(100, 30));
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe('outside_district');
  });
});
