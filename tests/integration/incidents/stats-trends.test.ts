import { beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../../api/contract/stats';
import { scopePrefix } from '../../../api/domain/scopes';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { act, pointInGrid, report, send } from './support';

const db = useTestDatabase();
/** 10:00 in China on 2026-06-20; yesterday's baseline ends 24 hours earlier, last week's 7 days. */
const NOW = '2026-06-20T02:00:00Z';
const clock = fixedClock(NOW);
let app: ReturnType<typeof createTestApp>;
let commander: string;
let community: string;

const overview = async (query: string, key = commander) => {
  const response = await send(app, 'GET', `/api/v1/stats/overview${query}`, key);
  expect(response.status).toBe(200);
  return (await response.json()) as Overview;
};

/** Reports an incident in the community at `at`, closing it there when `close` is set. */
async function reportAt(at: string, close = false) {
  clock.set(at);
  const point = await pointInGrid(db(), community);
  const { incident } = await report(app, commander, point.lng, point.lat);
  if (!close) return;
  const member = await db().pool.query<{ id: string }>(
    'SELECT id FROM grid_members WHERE community_code = $1 ORDER BY id LIMIT 1',
    [community],
  );
  for (const action of ['accept', 'dispatch', 'start', 'resolve', 'verify', 'close']) {
    const body = action === 'dispatch' ? { action, assigneeId: member.rows[0]!.id } : { action };
    expect((await act(app, commander, incident.code, body)).status).toBe(200);
  }
}

/**
 * A day's figures by independent SQL: reports by `reported_at`, closures by `closed_at`, and
 * open at `at` from the current status with `closed_at` and the reject or merge event's time.
 */
async function independentBaseline(since: string, at: string) {
  const result = await db().pool.query<{ reported: number; closed: number; open: number }>(
    `SELECT count(*) FILTER (WHERE reported_at >= $2 AND reported_at <= $3)::int AS reported,
            count(*) FILTER (WHERE status = 'closed' AND closed_at >= $2 AND closed_at <= $3)::int
              AS closed,
            count(*) FILTER (WHERE reported_at <= $3
              AND NOT (status = 'closed' AND closed_at <= $3)
              AND NOT (status IN ('rejected', 'merged') AND EXISTS (
                SELECT 1 FROM incident_events e
                 WHERE e.incident_id = incidents.id AND e.type IN ('reject', 'merge')
                   AND e.at <= $3)))::int AS open
       FROM incidents WHERE community_code = $1`,
    [community, since, at],
  );
  return result.rows[0]!;
}

beforeAll(async () => {
  app = createTestApp(db(), { clock });
  const codes = await areaCodes(db());
  community = codes.communities[0]!;
  commander = (await makeKey(db(), 'commander', [codes.district])).key;
});

describe('GET /api/v1/stats/overview baselines (环比 / 同比)', () => {
  it('compares today-so-far with yesterday and last week up to the same time of day', async () => {
    clock.set(NOW);
    const before = (await overview(`?area=${community}`)).baselines;
    expect(before.yesterday.at).toBe('2026-06-19T02:00:00.000Z');
    expect(before.lastWeek.at).toBe('2026-06-13T02:00:00.000Z');
    // Last week: two reports by 10:00 (one closed at once), one more at 11:00, after the cut.
    await reportAt('2026-06-12T23:00:00Z', true);
    await reportAt('2026-06-13T01:30:00Z');
    await reportAt('2026-06-13T03:00:00Z');
    // Yesterday: one report at 09:00, and one at 09:00 the day before (outside its day).
    await reportAt('2026-06-19T01:00:00Z');
    await reportAt('2026-06-18T01:00:00Z');
    clock.set(NOW);
    const after = (await overview(`?area=${community}`)).baselines;
    expect(after.lastWeek.reported - before.lastWeek.reported).toBe(2);
    expect(after.lastWeek.closed - before.lastWeek.closed).toBe(1);
    expect(after.lastWeek.open - before.lastWeek.open).toBe(1);
    expect(after.yesterday.reported - before.yesterday.reported).toBe(1);
    expect(after.yesterday.closed - before.yesterday.closed).toBe(0);
    // Open at yesterday 10:00: last week's two still open, and the two reported since.
    expect(after.yesterday.open - before.yesterday.open).toBe(4);
    expect(after.yesterday).toMatchObject(
      await independentBaseline('2026-06-18T16:00:00Z', '2026-06-19T02:00:00Z'),
    );
    expect(after.lastWeek).toMatchObject(
      await independentBaseline('2026-06-12T16:00:00Z', '2026-06-13T02:00:00Z'),
    );
  });

  it('lists the five grids with the most open incidents, as the incidents table counts them', async () => {
    clock.set(NOW);
    const codes = await areaCodes(db());
    for (const area of [codes.district, community]) {
      const { hotGrids } = await overview(`?area=${area}`);
      const rows = await db().pool.query<{ grid_code: string; overdue: boolean }>(
        `SELECT grid_code, cardinality(overdue_clocks) > 0 AS overdue FROM incidents
          WHERE status NOT IN ('closed', 'rejected', 'merged') AND grid_code LIKE $1 || '%'`,
        [scopePrefix(area)],
      );
      const tally = new Map<string, { open: number; overdue: number }>();
      for (const r of rows.rows) {
        const t = tally.get(r.grid_code) ?? { open: 0, overdue: 0 };
        tally.set(r.grid_code, { open: t.open + 1, overdue: t.overdue + (r.overdue ? 1 : 0) });
      }
      const expected = [...tally]
        .sort(([a, x], [b, y]) => y.open - x.open || y.overdue - x.overdue || (a < b ? -1 : 1))
        .slice(0, 5);
      expect(expected.length).toBeGreaterThan(0);
      expect(hotGrids.map((g) => [g.code, { open: g.open, overdue: g.overdue }])).toEqual(expected);
      const names = await db().pool.query<{ code: string; name: string }>(
        'SELECT code, name FROM grids WHERE code = ANY($1)',
        [hotGrids.map((g) => g.code)],
      );
      for (const g of hotGrids) {
        expect(g.name).toBe(names.rows.find((r) => r.code === g.code)?.name);
      }
    }
  });

  it('keeps baselines and hot grids inside a street-scoped caller’s street', async () => {
    clock.set(NOW);
    const { street } = await areaCodes(db());
    const key = (await makeKey(db(), 'display', [street])).key;
    const own = await overview('', key);
    const asked = await overview(`?area=${street}`);
    expect(own.baselines).toEqual(asked.baselines);
    expect(own.hotGrids).toEqual(asked.hotGrids);
    for (const g of own.hotGrids) expect(g.code.startsWith(street.slice(0, 9))).toBe(true);
    const whole = await overview('');
    expect(whole.baselines.yesterday.open).toBeGreaterThanOrEqual(own.baselines.yesterday.open);
  });
});
