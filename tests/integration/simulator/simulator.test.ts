import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../api/config';
import { scopedRunner } from '../../../api/db/scoped';
import { INCIDENT_SOURCES } from '../../../api/contract/codes';
import { createLogger } from '../../../api/log';
import { Simulator } from '../../../api/simulator/run';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, unique } from '../support/identities';
import { send } from '../incidents/support';

const db = useTestDatabase();

describe('the live simulator', () => {
  const clock = fixedClock('2026-06-01T15:00:00Z');
  let simulator: Simulator;
  const reported: string[] = [];

  beforeAll(async () => {
    simulator = await Simulator.create({
      pool: db().pool,
      scoped: scopedRunner(db().pool),
      clock,
      settings: loadConfig({}).incidents,
      log: createLogger('silent'),
      incidentsPerMinute: 90,
      patrols: 6,
      reportEverySeconds: 4,
      seed: 7,
    });
    for (let i = 0; i < 12; i += 1) {
      clock.advance(2000);
      reported.push(...(await simulator.tick()).reported);
    }
  });

  it('reports incidents at the configured rate, placed in grids, as the simulator', async () => {
    // 90 a minute for 24 s: about 36.
    expect(reported.length).toBeGreaterThan(20);
    expect(reported.length).toBeLessThan(55);
    const rows = await db().pool.query<{ source: string; inside: boolean; actor: string }>(
      `SELECT i.source, ST_DWithin(i.geom::geography, g.geom::geography, 1) AS inside, e.actor
         FROM incidents i JOIN grids g ON g.code = i.grid_code
         JOIN incident_events e ON e.incident_id = i.id AND e.type = 'report'
        WHERE i.code = ANY ($1)`,
      [reported],
    );
    expect(rows.rows).toHaveLength(reported.length);
    for (const row of rows.rows) {
      expect(INCIDENT_SOURCES).toContain(row.source);
      expect(row.inside).toBe(true);
      expect(row.actor).toBe('key:simulator');
    }
  });

  it('moves incidents through the workflow with recorded events', async () => {
    const moved = await db().pool.query<{ type: string }>(
      `SELECT DISTINCT e.type FROM incident_events e
        WHERE e.actor = 'key:simulator' AND e.at >= '2026-06-01T15:00:00Z'
          AND e.type <> 'report' AND e.topic = 'incidents'`,
    );
    expect(moved.rows.map((r) => r.type)).toEqual(expect.arrayContaining(['accept']));
  });

  it('walks patrolling members along roads and streams their positions', async () => {
    const events = await db().pool.query<{ subject: string; lng: number; lat: number }>(
      `SELECT subject, (payload->>'lng')::float AS lng, (payload->>'lat')::float AS lat
         FROM incident_events
        WHERE topic = 'members' AND actor = 'key:simulator' AND at >= '2026-06-01T15:00:00Z'`,
    );
    const members = new Set(events.rows.map((r) => r.subject));
    expect(members.size).toBe(6);
    expect(events.rows.length).toBeGreaterThan(members.size);
    const offRoad = await db().pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM grid_members m
        WHERE m.id = ANY ($1) AND NOT EXISTS (
          SELECT 1 FROM roads r WHERE ST_DWithin(r.geom::geography, m.geom::geography, 3))`,
      [[...members]],
    );
    expect(offRoad.rows[0]!.n).toBe(0);
  });
});

describe('POST /api/v1/members/me/position', () => {
  let app: ReturnType<typeof createTestApp>;
  let district: string;
  const clock = fixedClock('2026-06-01T16:00:00Z');

  beforeAll(async () => {
    app = createTestApp(db(), { clock });
    district = (await areaCodes(db())).district;
  });

  async function member() {
    const row = await db().pool.query<{
      id: string;
      community_code: string;
      lng: number;
      lat: number;
    }>(
      `SELECT m.id, m.community_code,
              ST_X(ST_PointOnSurface(c.geom)) AS lng, ST_Y(ST_PointOnSurface(c.geom)) AS lat
         FROM grid_members m JOIN admin_areas c ON c.code = m.community_code
        ORDER BY md5(m.id || $1) LIMIT 1`,
      [unique('pick')],
    );
    return row.rows[0]!;
  }

  it('stores the position and streams a members event', async () => {
    const m = await member();
    const key = (await makeKey(db(), 'grid_member', [district], undefined, m.id)).key;
    const response = await send(app, 'POST', '/api/v1/members/me/position', key, {
      lng: m.lng,
      lat: m.lat,
      onDuty: true,
    });
    expect(response.status).toBe(200);
    const stored = await db().pool.query(
      'SELECT ST_X(geom) AS lng, on_duty, position_at FROM grid_members WHERE id = $1',
      [m.id],
    );
    expect(stored.rows[0]).toMatchObject({ lng: m.lng, on_duty: true });
    const event = await db().pool.query(
      `SELECT type, scope_code FROM incident_events WHERE topic = 'members' AND subject = $1
        ORDER BY seq DESC LIMIT 1`,
      [m.id],
    );
    expect(event.rows[0]).toMatchObject({ scope_code: m.community_code });
    const older = await send(app, 'POST', '/api/v1/members/me/position', key, {
      lng: m.lng,
      lat: m.lat,
      at: '2026-06-01T15:00:00Z',
    });
    expect(older.status).toBe(409);
  });

  it('refuses unlinked accounts, points outside the district and other roles', async () => {
    const m = await member();
    const unlinked = (await makeKey(db(), 'grid_member', [district])).key;
    const body = { lng: m.lng, lat: m.lat };
    expect((await send(app, 'POST', '/api/v1/members/me/position', unlinked, body)).status).toBe(
      422,
    );
    const linked = (await makeKey(db(), 'grid_member', [district], undefined, m.id)).key;
    const far = await send(app, 'POST', '/api/v1/members/me/position', linked, {
      lng: 100,
      lat: 30,
    });
    expect(far.status).toBe(422);
    const display = (await makeKey(db(), 'display', [district])).key;
    expect((await send(app, 'POST', '/api/v1/members/me/position', display, body)).status).toBe(
      403,
    );
  });
});
