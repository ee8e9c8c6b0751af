import { beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../../api/contract/incident-records';
import { INCIDENT_CATEGORIES } from '../../../api/contract/codes';
import { MEMBER_REACH_M } from '../../../api/contract/members';
import { loadConfig } from '../../../api/config';
import { scopedRunner } from '../../../api/db/scoped';
import { createLogger } from '../../../api/log';
import { Simulator, type TickSummary } from '../../../data/simulator/run';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { send } from '../incidents/support';

const db = useTestDatabase();
const START = '2026-06-01T15:00:00Z';
const TICKS = 12;
const TICK_MS = 20_000;

describe('the live simulator', () => {
  const clock = fixedClock(START);
  const ticks: TickSummary[] = [];
  let reported: string[] = [];
  let patrolled: string[] = [];

  beforeAll(async () => {
    const simulator = await Simulator.create({
      pool: db().pool,
      scoped: scopedRunner(db().pool),
      clock,
      settings: loadConfig({}).incidents,
      log: createLogger('silent'),
      incidentsPerMinute: 12,
      patrols: 6,
      reportEverySeconds: 20,
      seed: 7,
    });
    for (let i = 0; i < TICKS; i += 1) {
      clock.advance(TICK_MS);
      ticks.push(await simulator.tick());
    }
    reported = ticks.flatMap((t) => t.reported);
    const members = await db().pool.query<{ subject: string }>(
      `SELECT DISTINCT subject FROM incident_events
        WHERE topic = 'members' AND actor = 'key:simulator' AND at > $1`,
      [START],
    );
    patrolled = members.rows.map((r) => r.subject);
  });

  it('reports incidents at the configured rate, placed in grids, as key:simulator', async () => {
    // 12 a minute for 4 minutes.
    expect(reported.length).toBeGreaterThan(30);
    expect(reported.length).toBeLessThan(70);
    const rows = await db().pool.query<{
      category: string;
      source: string;
      inside: boolean;
      actor: string;
    }>(
      `SELECT i.category, i.source, ST_Covers(g.geom, i.geom) AS inside, e.actor
         FROM incidents i JOIN grids g ON g.code = i.grid_code
         JOIN incident_events e ON e.incident_id = i.id AND e.type = 'report'
        WHERE i.code = ANY ($1)`,
      [reported],
    );
    expect(rows.rows).toHaveLength(reported.length);
    for (const row of rows.rows) {
      expect(INCIDENT_CATEGORIES).toContain(row.category);
      expect(['resident_app', 'hotline', 'patrol', 'video']).toContain(row.source);
      expect(row.inside).toBe(true);
      expect(row.actor).toBe('key:simulator');
    }
    expect(new Set(rows.rows.map((r) => r.source)).size).toBeGreaterThan(1);
  });

  it('moves its incidents along the loop, one recorded step at a time', async () => {
    const statuses = await db().pool.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM incidents WHERE code = ANY ($1) GROUP BY status',
      [reported],
    );
    const count = Object.fromEntries(statuses.rows.map((r) => [r.status, r.n]));
    expect(count.closed).toBeGreaterThan(0);
    expect(count.reported).toBeGreaterThan(0);
    expect(Object.keys(count).length).toBeGreaterThan(3);
    expect(ticks.reduce((sum, t) => sum + t.actions, 0)).toBeGreaterThan(reported.length);

    const district = (await areaCodes(db())).district;
    const key = (await makeKey(db(), 'admin', [district])).key;
    const app = createTestApp(db(), { clock });
    const closed = await db().pool.query<{ code: string }>(
      "SELECT code FROM incidents WHERE code = ANY ($1) AND status = 'closed' LIMIT 1",
      [reported],
    );
    const response = await send(app, 'GET', `/api/v1/incidents/${closed.rows[0]!.code}`, key);
    expect(response.status).toBe(200);
    const detail = (await response.json()) as IncidentDetail;
    const steps = detail.timeline.filter((e) => e.toStatus !== null);
    expect(steps.map((e) => e.type)).toEqual(
      expect.arrayContaining(['report', 'accept', 'dispatch', 'start', 'resolve', 'close']),
    );
    for (const [i, event] of steps.entries()) {
      expect(event.actor).toBe('key:simulator');
      if (i > 0) expect(event.fromStatus).toBe(steps[i - 1]!.toStatus);
    }
  });

  it('leaves other people’s incidents alone', async () => {
    const touched = await db().pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM incident_events e JOIN incidents i ON i.id = e.incident_id
        WHERE e.actor = 'key:simulator' AND e.topic = 'incidents' AND NOT (i.code = ANY ($1))`,
      [reported],
    );
    expect(touched.rows[0]!.n).toBe(0);
  });

  it('walks patrolling members along roads, reporting every 20 seconds', async () => {
    expect(patrolled).toHaveLength(6);
    const trail = await db().pool.query<{
      subject: string;
      scope_code: string;
      community_code: string;
      off_road_m: number;
      step_m: number | null;
    }>(
      `SELECT e.subject, e.scope_code, m.community_code,
              (SELECT min(ST_Distance(r.geom::geography, p.geom::geography)) FROM roads r
                WHERE r.geom && ST_Expand(p.geom, 0.001)) AS off_road_m,
              ST_Distance(p.geom::geography, lag(p.geom) OVER w::geography) AS step_m
         FROM incident_events e JOIN grid_members m ON m.id = e.subject,
              LATERAL (SELECT ST_SetSRID(ST_MakePoint((e.payload->>'lng')::float,
                                                      (e.payload->>'lat')::float), 4326) AS geom) p
        WHERE e.topic = 'members' AND e.actor = 'key:simulator' AND e.at > $1
        WINDOW w AS (PARTITION BY e.subject ORDER BY e.seq)`,
      [START],
    );
    for (const member of patrolled) {
      expect(trail.rows.filter((r) => r.subject === member).length).toBeGreaterThanOrEqual(
        TICKS - 1,
      );
    }
    for (const row of trail.rows) {
      expect(row.scope_code).toBe(row.community_code);
      expect(row.off_road_m).toBeLessThan(3);
      // 1.3 m/s for 20 s, in a straight line at most.
      if (row.step_m !== null) expect(row.step_m).toBeLessThan(26.5);
    }
    const steps = trail.rows.map((r) => r.step_m).filter((m): m is number => m !== null);
    expect(steps.filter((m) => m > 10).length).toBeGreaterThan(steps.length / 2);
    const stored = await db().pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM grid_members
        WHERE id = ANY ($1) AND on_duty AND position_at = $2`,
      [patrolled, clock.now().toISOString()],
    );
    expect(stored.rows[0]!.n).toBe(6);
  });

  it('keeps every patrol position within reach of the member’s grids', async () => {
    const far = await db().pool.query<{ subject: string; d: number }>(
      `SELECT e.subject, min(ST_Distance(g.geom::geography, ST_SetSRID(ST_MakePoint(
                (e.payload->>'lng')::float, (e.payload->>'lat')::float), 4326)::geography)) AS d
         FROM incident_events e JOIN grid_member_grids mg ON mg.member_id = e.subject
         JOIN grids g ON g.code = mg.grid_code
        WHERE e.topic = 'members' AND e.actor = 'key:simulator' AND e.at > $1
        GROUP BY e.seq, e.subject HAVING min(ST_Distance(g.geom::geography, ST_SetSRID(
              ST_MakePoint((e.payload->>'lng')::float, (e.payload->>'lat')::float), 4326)::geography)) > $2`,
      [START, MEMBER_REACH_M],
    );
    expect(far.rows).toEqual([]);
    expect(ticks.reduce((sum, t) => sum + t.positions, 0)).toBeGreaterThan(0);
  });
});
