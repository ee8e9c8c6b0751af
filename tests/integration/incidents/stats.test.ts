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
let street: string;
let community: string;
let other: string;

const overview = async (query = '', key = commander) => {
  const response = await send(app, 'GET', `/api/v1/stats/overview${query}`, key);
  return { status: response.status, body: (await response.json()) as Overview };
};

const one = async (sql: string, params: unknown[]) =>
  (await db().pool.query(sql, params)).rows[0] as Record<string, number | null>;

/** Counts per value of `column` for the community, as independent SQL sees them. */
async function countsBy(column: 'status' | 'category' | 'source') {
  const rows = await db().pool.query<{ key: string; n: number }>(
    `SELECT ${column} AS key, count(*)::int AS n FROM incidents WHERE community_code = $1 GROUP BY 1`,
    [community],
  );
  return Object.fromEntries(rows.rows.map((r) => [r.key, r.n]));
}

/** Reports an incident in the community and takes it through to closed, at the clock's time. */
async function reportAndClose() {
  const at = await pointInGrid(db(), community);
  const { incident } = await report(app, commander, at.lng, at.lat);
  const member = await db().pool.query<{ id: string }>(
    'SELECT id FROM grid_members WHERE community_code = $1 ORDER BY id LIMIT 1',
    [community],
  );
  for (const action of ['accept', 'dispatch', 'start', 'resolve', 'verify', 'close']) {
    const body = action === 'dispatch' ? { action, assigneeId: member.rows[0]!.id } : { action };
    expect((await act(app, commander, incident.code, body)).status).toBe(200);
  }
  return incident.code;
}

beforeAll(async () => {
  app = createTestApp(db(), { clock });
  const codes = await areaCodes(db());
  street = codes.street;
  [community, other] = codes.communities as [string, string];
  commander = (await makeKey(db(), 'commander', [codes.district])).key;
});

describe('GET /api/v1/stats/overview', () => {
  it('counts a community’s incidents as independent SQL does', async () => {
    clock.set('2026-06-01T08:30:00Z');
    const { status, body } = await overview(`?area=${community}`);
    expect(status).toBe(200);
    expect(body.area).toMatchObject({ code: community, level: 'community' });
    expect(body.generatedAt).toBe('2026-06-01T08:30:00.000Z');
    expect(body.byStatus).toEqual(await countsBy('status'));
    expect(body.byCategory).toEqual(await countsBy('category'));
    expect(body.bySource).toEqual(await countsBy('source'));
    const sums = await one(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status NOT IN ('closed','rejected','merged'))::int AS open,
              count(*) FILTER (WHERE status NOT IN ('closed','rejected','merged')
                               AND cardinality(overdue_clocks) > 0)::int AS overdue,
              (SELECT name FROM admin_areas WHERE code = $1) AS name
         FROM incidents WHERE community_code = $1`,
      [community],
    );
    expect(body).toMatchObject({ total: sums.total, open: sums.open, openOverdue: sums.overdue });
    expect(body.byCommunity).toEqual([
      { code: community, name: sums.name, total: sums.total, open: sums.open },
    ]);
    expect(body.byStreet).toEqual([
      expect.objectContaining({ code: street, total: sums.total, open: sums.open }),
    ]);
  });

  it('measures SLA compliance and median times over the last 30 days', async () => {
    clock.set('2026-06-01T08:30:00Z');
    const { body } = await overview(`?area=${community}`);
    // Closing is independent here: incidents.closed_at, not the close events the API counts.
    const closed = await one(
      `SELECT count(*)::int AS closed,
              count(*) FILTER (WHERE cardinality(overdue_clocks) = 0)::int AS on_time,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - reported_at) / 60)
                AS median
         FROM incidents
        WHERE community_code = $1 AND status = 'closed'
          AND closed_at > '2026-05-02T08:30:00Z' AND closed_at <= '2026-06-01T08:30:00Z'`,
      [community],
    );
    expect(Number(closed.closed)).toBeGreaterThan(0);
    expect(body.sla).toMatchObject({
      windowDays: 30,
      closed: closed.closed,
      onTime: closed.on_time,
    });
    expect(body.sla.compliance).toBeCloseTo(Number(closed.on_time) / Number(closed.closed), 3);
    expect(body.medianMinutes.close).toBeCloseTo(Number(closed.median), 1);
    const accept = await one(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.at - i.reported_at) / 60)
                AS median
         FROM incidents i JOIN incident_events e ON e.incident_id = i.id AND e.type = 'accept'
        WHERE i.community_code = $1
          AND e.at > '2026-05-02T08:30:00Z' AND e.at <= '2026-06-01T08:30:00Z'`,
      [community],
    );
    expect(body.medianMinutes.accept).toBeCloseTo(Number(accept.median), 1);
  });

  it('counts today from midnight in China and starts afresh at 16:00 UTC', async () => {
    clock.set('2026-06-01T15:30:00Z');
    const before = (await overview(`?area=${community}`)).body;
    await reportAndClose();
    const after = (await overview(`?area=${community}`)).body;
    expect(after.today.reported).toBe(before.today.reported + 1);
    expect(after.today.closed).toBe(before.today.closed + 1);
    expect(after.total).toBe(before.total + 1);
    // 15:30 UTC is 23:30 in China: local midnight was 2026-05-31T16:00Z.
    const today = await one(
      `SELECT count(*)::int AS n FROM incidents
        WHERE community_code = $1 AND reported_at >= $2 AND reported_at <= $3`,
      [community, '2026-05-31T16:00:00Z', '2026-06-01T15:30:00Z'],
    );
    expect(after.today.reported).toBe(today.n);
    clock.set('2026-06-01T16:30:00Z');
    const tomorrow = (await overview(`?area=${community}`)).body;
    const sinceMidnight = await one(
      `SELECT count(*)::int AS n FROM incidents
        WHERE community_code = $1 AND reported_at >= $2 AND reported_at <= $3`,
      [community, '2026-06-01T16:00:00Z', '2026-06-01T16:30:00Z'],
    );
    expect(tomorrow.today.reported).toBe(sinceMidnight.n);
    expect(tomorrow.today.reported).toBeLessThan(after.today.reported);
  });

  it('gives 24 hourly buckets ending with the current hour, summing the last 24 hours', async () => {
    clock.set('2026-06-02T03:10:00Z');
    await reportAndClose();
    const { body } = await overview(`?area=${community}`);
    expect(body.hourly).toHaveLength(24);
    expect(body.hourly[0]!.hour).toBe('2026-06-01T04:00:00.000Z');
    expect(body.hourly[23]!.hour).toBe('2026-06-02T03:00:00.000Z');
    expect(body.hourly[23]!.reported).toBeGreaterThanOrEqual(1);
    expect(body.hourly[23]!.closed).toBeGreaterThanOrEqual(1);
    const window = await one(
      `SELECT count(*)::int AS reported
         FROM incidents WHERE community_code = $1 AND reported_at >= $2 AND reported_at <= $3`,
      [community, '2026-06-01T04:00:00Z', '2026-06-02T03:10:00Z'],
    );
    const closed = await one(
      `SELECT count(*)::int AS n FROM incidents
        WHERE community_code = $1 AND status = 'closed' AND closed_at >= $2 AND closed_at <= $3`,
      [community, '2026-06-01T04:00:00Z', '2026-06-02T03:10:00Z'],
    );
    expect(body.hourly.reduce((sum, h) => sum + h.reported, 0)).toBe(window.reported);
    expect(body.hourly.reduce((sum, h) => sum + h.closed, 0)).toBe(closed.n);
  });

  it('splits a street by its communities', async () => {
    clock.set('2026-06-01T08:30:00Z');
    const { body } = await overview(`?area=${street}`);
    expect(body.area).toMatchObject({ code: street, level: 'street' });
    const rows = await db().pool.query<{ code: string; total: number }>(
      `SELECT community_code AS code, count(*)::int AS total FROM incidents
        WHERE street_code = $1 GROUP BY 1 ORDER BY 1`,
      [street],
    );
    expect(body.byCommunity.map((c) => ({ code: c.code, total: c.total }))).toEqual(rows.rows);
    expect(body.byStreet.map((s) => s.code)).toEqual([street]);
    expect(body.total).toBe(rows.rows.reduce((sum, r) => sum + r.total, 0));
  });

  it('stays inside the caller’s scope: other areas answer 404 like unknown ones', async () => {
    clock.set('2026-06-01T08:30:00Z');
    const key = (await makeKey(db(), 'display', [community])).key;
    const own = await overview('', key);
    expect(own.status).toBe(200);
    expect(own.body.area).toBeNull();
    expect(own.body.byCommunity.map((c) => c.code)).toEqual([community]);
    const mine = await overview(`?area=${community}`, key);
    expect(mine.body.total).toBe(own.body.total);
    // The caller's street cannot see its street's row: the name falls back to the code.
    expect(own.body.byStreet).toEqual([expect.objectContaining({ code: street, name: street })]);
    for (const area of [other, street, '370871999999']) {
      const response = await send(app, 'GET', `/api/v1/stats/overview?area=${area}`, key);
      expect(response.status).toBe(404);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('not_found');
      expect(error.message).toBe(`There is no admin area ${area} in your scope.`);
    }
  });

  it('answers 400 for a malformed area and 403 for a role that may not read incidents', async () => {
    for (const area of ['12345', '37087100100x', '3708710010020']) {
      const response = await send(app, 'GET', `/api/v1/stats/overview?area=${area}`, commander);
      expect(response.status).toBe(400);
      expect((await response.json()).error.issues[0].path).toBe('area');
    }
    const planner = (await makeKey(db(), 'planner', [community])).key;
    expect((await overview('', planner)).status).toBe(403);
  });
});
