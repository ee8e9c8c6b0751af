import { beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../../api/contract/stats';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { act, pointInGrid, report, send } from './support';

const db = useTestDatabase();
const clock = fixedClock('2026-06-01T08:30:00Z');
let app: ReturnType<typeof createTestApp>;
let commander: string;
let community: string;

const overview = async (query = '', key = commander) => {
  const response = await send(app, 'GET', `/api/v1/stats/overview${query}`, key);
  expect(response.status).toBe(200);
  return (await response.json()) as Overview;
};

/** The community's counts as independent SQL sees them. */
async function sqlCounts(where = 'community_code = $1') {
  const rows = await db().pool.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM incidents WHERE ${where} GROUP BY 1`,
    [community],
  );
  const byStatus = Object.fromEntries(rows.rows.map((r) => [r.status, r.n]));
  const total = rows.rows.reduce((sum, r) => sum + r.n, 0);
  return { byStatus, total };
}

beforeAll(async () => {
  app = createTestApp(db(), { clock });
  const codes = await areaCodes(db());
  community = codes.communities[0]!;
  commander = (await makeKey(db(), 'commander', [codes.district])).key;
});

describe('the overview between events', () => {
  it('counts an incident reported, then closed, since the previous overview', async () => {
    const before = await overview(`?area=${community}`);
    expect(before).toMatchObject(await sqlCounts());
    const at = await pointInGrid(db(), community);
    const { incident } = await report(app, commander, at.lng, at.lat);
    const reported = await overview(`?area=${community}`);
    expect(reported).toMatchObject(await sqlCounts());
    expect(reported.total).toBe(before.total + 1);
    expect(reported.open).toBe(before.open + 1);
    const member = await db().pool.query<{ id: string }>(
      'SELECT id FROM grid_members WHERE community_code = $1 ORDER BY id LIMIT 1',
      [community],
    );
    for (const action of ['accept', 'dispatch', 'start', 'resolve', 'verify', 'close']) {
      const body = action === 'dispatch' ? { action, assigneeId: member.rows[0]!.id } : { action };
      expect((await act(app, commander, incident.code, body)).status).toBe(200);
    }
    const closed = await overview(`?area=${community}`);
    expect(closed).toMatchObject(await sqlCounts());
    expect(closed.byStatus.closed).toBe((reported.byStatus.closed ?? 0) + 1);
    expect(closed.open).toBe(before.open);
    expect(closed.today.closed).toBe(reported.today.closed + 1);
    expect(closed.sla.closed).toBe(reported.sla.closed + 1);
  });

  it('never answers one scope with the figures of another asking the same question', async () => {
    const district = await overview();
    const key = (await makeKey(db(), 'display', [community])).key;
    const own = await overview('', key);
    expect(own).toMatchObject(await sqlCounts());
    expect(own.total).toBeLessThan(district.total);
    expect(own.byCommunity.map((c) => c.code)).toEqual([community]);
  });
});
