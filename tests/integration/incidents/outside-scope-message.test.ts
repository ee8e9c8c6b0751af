import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { pointInGrid, reportBody, send } from './support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;

beforeAll(() => {
  app = createTestApp(db());
});

describe('reporting a point outside the caller’s scope', () => {
  it('answers 403 without naming the grid, community or street the point lies in', async () => {
    const [mine, theirs] = (await areaCodes(db())).communities;
    const { key } = await makeKey(db(), 'operator', [mine!]);
    const at = await pointInGrid(db(), theirs);
    const response = await send(app, 'POST', '/api/v1/incidents', key, reportBody(at.lng, at.lat));
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).toContain('outside your area');
    for (const hidden of [at.gridCode, at.communityCode]) {
      expect(text).not.toContain(hidden);
    }
  });
});
