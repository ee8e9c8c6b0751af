import { beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_REACH_M } from '../../../api/contract/members';
import { withScope } from '../../../api/db/scoped';
import type { Principal } from '../../../api/domain/principal';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, unique } from '../support/identities';
import { send } from '../incidents/support';

const db = useTestDatabase();
const PATH = '/api/v1/members/me/position';

describe('POST /api/v1/members/me/position', () => {
  // Earlier than the simulator test's clock, on helpers (whom the simulator never walks), so
  // neither test's fixes are stale for the other whichever runs first.
  const clock = fixedClock('2026-06-01T14:00:00Z');
  let app: ReturnType<typeof createTestApp>;
  let district: string;

  beforeAll(async () => {
    app = createTestApp(db(), { clock });
    district = (await areaCodes(db())).district;
  });

  /** A grid member (a helper) with no fix at or after now, and a point inside one of their grids. */
  async function member() {
    const row = await db().pool.query<{
      id: string;
      community_code: string;
      street_code: string;
      on_duty: boolean;
      lng: number;
      lat: number;
    }>(
      `SELECT m.id, m.community_code, m.street_code, m.on_duty,
              ST_X(ST_PointOnSurface(g.geom)) AS lng, ST_Y(ST_PointOnSurface(g.geom)) AS lat
         FROM grid_members m
         JOIN LATERAL (SELECT g.geom FROM grid_member_grids mg JOIN grids g ON g.code = mg.grid_code
                        WHERE mg.member_id = m.id ORDER BY g.code LIMIT 1) g ON true
        WHERE m.role = 'helper' AND (m.position_at IS NULL OR m.position_at < $2)
        ORDER BY md5(m.id || $1) LIMIT 1`,
      [unique('pick'), clock.now().toISOString()],
    );
    return row.rows[0]!;
  }

  /** A point `metres` east of the easternmost vertex of `area` (SQL giving one geometry). */
  async function eastOf(area: string, params: unknown[], metres: number) {
    const row = await db().pool.query<{ lng: number; lat: number }>(
      `SELECT ST_X(p.geom) AS lng, ST_Y(p.geom) AS lat
         FROM (${area}) a, LATERAL ST_DumpPoints(a.geom) AS p
        ORDER BY ST_X(p.geom) DESC LIMIT 1`,
      params,
    );
    const { lng, lat } = row.rows[0]!;
    return { lng: lng + metres / (111_320 * Math.cos((lat * Math.PI) / 180)), lat };
  }

  const gridsOf = `SELECT ST_Union(g.geom) AS geom FROM grid_member_grids mg
                     JOIN grids g ON g.code = mg.grid_code WHERE mg.member_id = $1`;

  const storedAt = async (id: string) =>
    (await db().pool.query('SELECT position_at FROM grid_members WHERE id = $1', [id])).rows[0]
      ?.position_at as Date | null;

  async function lastEvent(memberId: string) {
    const rows = await db().pool.query(
      `SELECT seq, type, subject, scope_code, street_code, actor, payload, at
         FROM incident_events WHERE topic = 'members' AND subject = $1
        ORDER BY seq DESC LIMIT 1`,
      [memberId],
    );
    return rows.rows[0];
  }

  it('stores the position and appends a members event in the member’s community', async () => {
    const m = await member();
    const { key } = await makeKey(db(), 'grid_member', [district], undefined, m.id);
    const response = await send(app, 'POST', PATH, key, { lng: m.lng, lat: m.lat });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: m.id,
      lng: m.lng,
      lat: m.lat,
      positionAt: clock.now().toISOString(),
      onDuty: m.on_duty,
    });
    const stored = await db().pool.query(
      'SELECT ST_X(geom) AS lng, ST_Y(geom) AS lat, on_duty, position_at FROM grid_members WHERE id = $1',
      [m.id],
    );
    expect(stored.rows[0]).toMatchObject({ lng: m.lng, lat: m.lat, on_duty: m.on_duty });
    expect(await lastEvent(m.id)).toMatchObject({
      type: 'position',
      subject: m.id,
      scope_code: m.community_code,
      street_code: m.street_code,
      actor: expect.stringMatching(/^key:grid_member-/),
      payload: { lng: m.lng, lat: m.lat, onDuty: m.on_duty, at: clock.now().toISOString() },
    });
  });

  it('records a change of duty as a duty event', async () => {
    const m = await member();
    const { key } = await makeKey(db(), 'grid_member', [district], undefined, m.id);
    const body = { lng: m.lng, lat: m.lat, onDuty: !m.on_duty };
    expect((await send(app, 'POST', PATH, key, body)).status).toBe(200);
    expect(await lastEvent(m.id)).toMatchObject({ type: 'duty', payload: { onDuty: !m.on_duty } });
    expect((await send(app, 'POST', PATH, key, body)).status).toBe(200);
    expect(await lastEvent(m.id)).toMatchObject({ type: 'position' });
  });

  it('refuses a fix older than the stored one (409) and one from a clock running ahead (422)', async () => {
    const m = await member();
    const { key } = await makeKey(db(), 'grid_member', [district], undefined, m.id);
    const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
    const fix = (ms: number) => ({ lng: m.lng, lat: m.lat, at: at(ms) });
    expect((await send(app, 'POST', PATH, key, fix(30_000))).status).toBe(200);
    const older = await send(app, 'POST', PATH, key, fix(0));
    expect(older.status).toBe(409);
    const ahead = await send(app, 'POST', PATH, key, fix(120_000));
    expect(ahead.status).toBe(422);
    expect(await ahead.json()).toMatchObject({ error: { code: 'position_in_future' } });
    expect(await lastEvent(m.id)).toMatchObject({ at: new Date(at(30_000)) });
  });

  it('accepts a point within 1 km of the member’s grids and refuses one farther (422)', async () => {
    const m = await member();
    const { key } = await makeKey(db(), 'grid_member', [district], undefined, m.id);
    const before = await storedAt(m.id);
    const far = await send(app, 'POST', PATH, key, await eastOf(gridsOf, [m.id], 1300));
    expect(far.status).toBe(422);
    expect(await far.json()).toMatchObject({
      error: { code: 'outside_member_area', message: expect.stringContaining('1000 m') },
    });
    expect(await storedAt(m.id)).toEqual(before);
    expect((await send(app, 'POST', PATH, key, await eastOf(gridsOf, [m.id], 800))).status).toBe(
      200,
    );
    expect((await send(app, 'POST', PATH, key, { lng: 100, lat: 30 })).status).toBe(422);
    expect((await send(app, 'POST', PATH, key, { lng: 116.7, lat: 95 })).status).toBe(400);
  });

  it('refuses a point inside the district but far from the member’s grids (422)', async () => {
    const m = await member();
    const { key } = await makeKey(db(), 'grid_member', [district], undefined, m.id);
    const row = await db().pool.query<{ lng: number; lat: number; d: number }>(
      `WITH mine AS (${gridsOf})
       SELECT ST_X(ST_PointOnSurface(g.geom)) AS lng, ST_Y(ST_PointOnSurface(g.geom)) AS lat,
              ST_Distance(g.geom::geography, mine.geom::geography) AS d
         FROM grids g, mine ORDER BY d DESC LIMIT 1`,
      [m.id],
    );
    const { lng, lat, d } = row.rows[0]!;
    expect(d).toBeGreaterThan(2000);
    const before = await lastEvent(m.id);
    const response = await send(app, 'POST', PATH, key, { lng, lat });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: 'outside_member_area' } });
    expect(await lastEvent(m.id)).toEqual(before);
  });

  it('holds a member without grids to 1 km of their community', async () => {
    const m = await member();
    const id = unique('M-NOGRID');
    await db().pool.query(
      `INSERT INTO grid_members (id, name, role, phone, street_code, community_code)
       VALUES ($1, '新网格员 New member', 'helper', '13800000000', $2, $3)`,
      [id, m.street_code, m.community_code],
    );
    try {
      const { key } = await makeKey(db(), 'grid_member', [district], undefined, id);
      const community = 'SELECT geom FROM admin_areas WHERE code = $1';
      const near = await eastOf(community, [m.community_code], 800);
      expect((await send(app, 'POST', PATH, key, near)).status).toBe(200);
      const far = await send(
        app,
        'POST',
        PATH,
        key,
        await eastOf(community, [m.community_code], 1300),
      );
      expect(far.status).toBe(422);
      expect(await far.json()).toMatchObject({ error: { code: 'outside_member_area' } });
    } finally {
      await db().pool.query('DELETE FROM grid_members WHERE id = $1', [id]);
    }
  });

  it('refuses accounts not linked to a member (422) and roles that may not report (403)', async () => {
    const m = await member();
    const body = { lng: m.lng, lat: m.lat };
    const unlinked = await send(
      app,
      'POST',
      PATH,
      (await makeKey(db(), 'grid_member', [district])).key,
      body,
    );
    expect(unlinked.status).toBe(422);
    expect(await unlinked.json()).toMatchObject({ error: { code: 'not_a_member' } });
    const display = (await makeKey(db(), 'display', [district])).key;
    expect((await send(app, 'POST', PATH, display, body)).status).toBe(403);
  });

  it('moves only the caller’s own member, and only within the caller’s scope', async () => {
    const m = await member();
    const other = (await areaCodes(db())).communities.find((c) => c !== m.community_code)!;
    const { key } = await makeKey(db(), 'grid_member', [other], undefined, m.id);
    const response = await send(app, 'POST', PATH, key, { lng: m.lng, lat: m.lat });
    expect(response.status).toBe(404);
    const own = (await makeKey(db(), 'grid_member', [district], undefined, m.id)).key;
    const naming = await send(app, 'POST', PATH, own, { lng: m.lng, lat: m.lat, memberId: 'x' });
    expect(naming.status).toBe(400);
  });

  it('shows the members event only to callers whose scope covers the member', async () => {
    const m = await member();
    const { key } = await makeKey(db(), 'grid_member', [district], undefined, m.id);
    expect((await send(app, 'POST', PATH, key, { lng: m.lng, lat: m.lat })).status).toBe(200);
    const seq = (await lastEvent(m.id)).seq as string;
    const other = (await areaCodes(db())).communities.find((c) => c !== m.community_code)!;
    const sees = (scope: string) => {
      const principal: Principal = {
        kind: 'user',
        id: 1,
        name: 'x',
        role: 'display',
        scopes: [scope],
      };
      return withScope(db().pool, principal, async (client) => {
        const rows = await client.query('SELECT 1 FROM incident_events WHERE seq = $1', [seq]);
        return rows.rowCount === 1;
      });
    };
    expect(await sees(m.community_code)).toBe(true);
    expect(await sees(other)).toBe(false);
  });

  it('finds every stored position (the seeded ones included) within reach of the grids', async () => {
    const far = await db().pool.query<{ id: string; d: number }>(
      `SELECT m.id, min(ST_Distance(g.geom::geography, m.geom::geography)) AS d
         FROM grid_members m JOIN grid_member_grids mg ON mg.member_id = m.id
         JOIN grids g ON g.code = mg.grid_code
        WHERE m.geom IS NOT NULL GROUP BY m.id
       HAVING min(ST_Distance(g.geom::geography, m.geom::geography)) > $1`,
      [MEMBER_REACH_M],
    );
    expect(far.rows).toEqual([]);
    const positioned = await db().pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM grid_members WHERE geom IS NOT NULL',
    );
    expect(positioned.rows[0]!.n).toBeGreaterThan(0);
  });
});
