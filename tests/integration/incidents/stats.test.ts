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
let other: string;

const overview = async (query = '', key = commander) => {
  const response = await send(app, 'GET', `/api/v1/stats/overview${query}`, key);
  return { status: response.status, body: (await response.json()) as Overview };
};

const one = async (sql: string, params: unknown[]) =>
  (await db().pool.query(sql, params)).rows[0] as Record<string, number | null>;

beforeAll(async () => {
  app = createTestApp(db(), { clock });
  const codes = await areaCodes(db());
  [community, other] = codes.communities as [string, string];
  commander = (await makeKey(db(), 'commander', [codes.district])).key;
});

describe('GET /api/v1/stats/overview', () => {
  it('counts a community’s incidents as independent SQL does', async () => {
    const { status, body } = await overview(`?area=${community}`);
    expect(status).toBe(200);
    expect(body.area).toMatchObject({ code: community, level: 'community' });
    const rows = await db().pool.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM incidents WHERE community_code = $1 GROUP BY status',
      [community],
    );
    expect(body.byStatus).toEqual(Object.fromEntries(rows.rows.map((r) => [r.status, r.n])));
    expect(body.byCommunity.map((c) => c.code)).toEqual([community]);
    const sums = await one(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status NOT IN ('closed','rejected','merged'))::int AS open,
              count(*) FILTER (WHERE status NOT IN ('closed','rejected','merged')
                               AND cardinality(overdue_clocks) > 0)::int AS overdue,
              count(*) FILTER (WHERE status = 'closed' AND closed_at >= $2)::int AS closed,
              count(*) FILTER (WHERE status = 'closed' AND closed_at >= $2
                               AND cardinality(overdue_clocks) = 0)::int AS on_time,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - reported_at) / 60)
                FILTER (WHERE status = 'closed' AND closed_at >= $2) AS median_close
         FROM incidents WHERE community_code = $1`,
      [community, '2026-05-02T08:30:00Z'],
    );
    expect(body.total).toBe(sums.total);
    expect(body.open).toBe(sums.open);
    expect(body.openOverdue).toBe(sums.overdue);
    expect(body.sla).toMatchObject({ windowDays: 30, closed: sums.closed, onTime: sums.on_time });
    expect(body.sla.compliance).toBeCloseTo(Number(sums.on_time) / Number(sums.closed), 3);
    expect(body.medianMinutes.close).toBeCloseTo(Number(sums.median_close), 1);
    const accept = await one(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY m) AS median
         FROM (SELECT extract(epoch FROM min(e.at) - min(i.reported_at)) / 60 AS m
                 FROM incidents i JOIN incident_events e ON e.incident_id = i.id
                WHERE i.community_code = $1 AND e.type = 'accept' AND i.reported_at >= $2
                GROUP BY i.id) a`,
      [community, '2026-05-02T08:30:00Z'],
    );
    expect(body.medianMinutes.accept).toBeCloseTo(Number(accept.median), 1);
  });

  it('counts today from local midnight and follows new reports and closures', async () => {
    clock.set('2026-06-01T08:30:00Z');
    const before = (await overview(`?area=${community}`)).body;
    const at = await pointInGrid(db(), community);
    const { incident } = await report(app, commander, at.lng, at.lat);
    for (const action of ['accept', 'dispatch', 'start', 'resolve', 'verify', 'close']) {
      const body = action === 'dispatch' ? { action, assigneeId: await anyMember() } : { action };
      expect((await act(app, commander, incident.code, body)).status).toBe(200);
    }
    const after = (await overview(`?area=${community}`)).body;
    expect(after.today.reported).toBe(before.today.reported + 1);
    expect(after.today.closed).toBe(before.today.closed + 1);
    expect(after.total).toBe(before.total + 1);
    // 08:30 UTC is 16:30 in China: local midnight was 2026-05-31T16:00Z.
    const today = await one(
      'SELECT count(*)::int AS n FROM incidents WHERE community_code = $1 AND reported_at >= $2',
      [community, '2026-05-31T16:00:00Z'],
    );
    expect(after.today.reported).toBe(today.n);
  });

  it('gives 24 hourly buckets ending with the current hour', async () => {
    clock.set('2026-06-01T08:30:00Z');
    const { body } = await overview();
    expect(body.hourly).toHaveLength(24);
    expect(body.hourly[0]!.hour).toBe('2026-05-31T09:00:00.000Z');
    expect(body.hourly[23]!.hour).toBe('2026-06-01T08:00:00.000Z');
    const window = await one(
      `SELECT count(*)::int AS n FROM incidents
        WHERE reported_at >= '2026-05-31T09:00:00Z' AND reported_at < '2026-06-01T09:00:00Z'`,
      [],
    );
    expect(body.hourly.reduce((sum, h) => sum + h.reported, 0)).toBe(window.n);
  });

  it('stays inside the caller’s scope', async () => {
    const key = (await makeKey(db(), 'display', [community])).key;
    const own = await overview('', key);
    expect(own.status).toBe(200);
    expect(own.body.area).toBeNull();
    expect(own.body.byCommunity.map((c) => c.code)).toEqual([community]);
    expect((await overview(`?area=${other}`, key)).status).toBe(404);
    expect((await overview('?area=12345', key)).status).toBe(400);
    const planner = (await makeKey(db(), 'planner', [community])).key;
    expect((await overview('', planner)).status).toBe(403);
  });
});

async function anyMember(): Promise<string> {
  const row = await db().pool.query<{ id: string }>(
    'SELECT id FROM grid_members WHERE community_code = $1 ORDER BY id LIMIT 1',
    [community],
  );
  return row.rows[0]!.id;
}
