import { beforeAll, describe, expect, it } from 'vitest';
import { findNearby } from '../../../api/db/nearby';
import { withScope, type ScopedClient } from '../../../api/db/scoped';
import { angleBetween } from '../../../api/domain/view-cone';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, unique } from '../support/identities';
import { pointInGrid, report, send } from './support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let operator: string;
let code: string;
let at: { lng: number; lat: number; communityCode: string };

/** A point `metres` from the incident towards compass `degrees`. */
function offset(degrees: number, metres: number) {
  const rad = (degrees * Math.PI) / 180;
  const dLat = (metres * Math.cos(rad)) / 111_320;
  const dLng = (metres * Math.sin(rad)) / (111_320 * Math.cos((at.lat * Math.PI) / 180));
  return { lng: at.lng + dLng, lat: at.lat + dLat };
}

async function addCamera(name: string, from: { lng: number; lat: number }, view: number[]) {
  const [heading, fov, range] = view;
  const id = unique(`CAM-${name}`);
  await db().pool.query(
    `INSERT INTO cameras (code, name, kind, street_code, heading, fov, range_m, status, geom)
     VALUES ($1, $1, 'community', (SELECT street_code FROM grids WHERE community_code = $2 LIMIT 1),
             $3, $4, $5, 'online', ST_SetSRID(ST_MakePoint($6, $7), 4326))`,
    [id, at.communityCode, heading, fov, range, from.lng, from.lat],
  );
  return id;
}

interface Body {
  incident: { code: string; lng: number; lat: number };
  cameras: { code: string; distanceM: number; bearing: number; inView: boolean }[];
  members: { id: string; distanceM: number }[];
}

/**
 * A point in a grid at least 100 m inside the district, so the cameras placed around it stay
 * inside too (the topology test checks every camera).
 */
async function interiorPoint() {
  for (;;) {
    const candidate = await pointInGrid(db());
    const inside = await db().pool.query<{ ok: boolean }>(
      `SELECT ST_Within(ST_Buffer(ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, 100)::geometry,
                        geom) AS ok
         FROM admin_areas WHERE level = 'district'`,
      [candidate.lng, candidate.lat],
    );
    if (inside.rows[0]?.ok) return candidate;
  }
}

const nearby = async (query: string, key = operator) =>
  send(app, 'GET', `/api/v1/incidents/${code}/nearby${query}`, key);

beforeAll(async () => {
  app = createTestApp(db(), { clock: fixedClock('2026-06-01T14:00:00Z') });
  operator = (await makeKey(db(), 'operator', [(await areaCodes(db())).district])).key;
  at = await interiorPoint();
  code = (await report(app, operator, at.lng, at.lat)).incident.code;
});

describe('GET /api/v1/incidents/{code}/nearby', () => {
  it('lists cameras by distance, flagging those whose view cone holds the incident', async () => {
    const looking = await addCamera('south', offset(0, 20), [180, 60, 100]);
    const away = await addCamera('away', offset(90, 30), [0, 60, 100]);
    const short = await addCamera('short', offset(270, 40), [90, 30, 30]);
    const wrapped = await addCamera('wrap', offset(180, 45), [350, 40, 100]);
    const response = await nearby('?kinds=camera&limit=50');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Body;
    expect(body.incident).toEqual({ code, lng: at.lng, lat: at.lat });
    expect(body.members).toEqual([]);
    const distances = body.cameras.map((c) => c.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const mine = body.cameras.filter((c) => [looking, away, short, wrapped].includes(c.code));
    expect(mine.map((c) => [c.code, c.inView])).toEqual([
      [looking, true],
      [away, false],
      [short, false],
      [wrapped, true],
    ]);
    expect(mine[0]!.distanceM).toBeCloseTo(20, 0);
    expect(mine[0]!.bearing).toBeCloseTo(180, 0);
    expect(mine[3]!.distanceM).toBeCloseTo(45, 0);
    expect(angleBetween(mine[3]!.bearing, 0)).toBeLessThan(1);
    expect(mine[3]!.bearing).toBeLessThan(360);
  });

  it('lists on-duty members with a position by distance, and no one else', async () => {
    // Members whose grids lie nearest: a position placed here stays within their reach, as the
    // position API would have it (report-position.test checks every stored position).
    const members = await db().pool.query<{ id: string }>(
      `SELECT m.id FROM grid_members m
         JOIN grid_member_grids mg ON mg.member_id = m.id JOIN grids g ON g.code = mg.grid_code
        WHERE m.community_code = $1
        GROUP BY m.id
        ORDER BY min(ST_Distance(g.geom::geography,
                                 ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography)), m.id
        LIMIT 3`,
      [at.communityCode, at.lng, at.lat],
    );
    const [onDuty, offDuty, nowhere] = members.rows.map((r) => r.id);
    const place = async (id: string, duty: boolean, p: { lng: number; lat: number } | null) =>
      db().pool.query(
        `UPDATE grid_members SET on_duty = $2,
                geom = CASE WHEN $3::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($3, $4), 4326) END,
                position_at = CASE WHEN $3::float8 IS NULL THEN NULL ELSE '2026-06-01T13:59:00Z'::timestamptz END
          WHERE id = $1`,
        [id, duty, p?.lng ?? null, p?.lat ?? null],
      );
    await place(onDuty!, true, offset(45, 3));
    await place(offDuty!, false, offset(225, 2));
    await place(nowhere!, true, null);
    const body = (await (await nearby('?kinds=member')).json()) as Body;
    expect(body.cameras).toEqual([]);
    expect(body.members).toHaveLength(5);
    expect(body.members[0]).toMatchObject({ id: onDuty, positionAt: '2026-06-01T13:59:00.000Z' });
    expect(body.members[0]!.distanceM).toBeCloseTo(3, 0);
    const distances = body.members.map((m) => m.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(body.members.map((m) => m.id)).not.toContain(offDuty);
    expect(body.members.map((m) => m.id)).not.toContain(nowhere);
  });

  it('lists both kinds by default, at most `limit` of each', async () => {
    const all = (await (await nearby('')).json()) as Body;
    expect(all.cameras).toHaveLength(5);
    expect(all.members).toHaveLength(5);
    const two = (await (await nearby('?limit=2&kinds=member,camera')).json()) as Body;
    expect(two.cameras.map((c) => c.code)).toEqual(all.cameras.slice(0, 2).map((c) => c.code));
    expect(two.members.map((m) => m.id)).toEqual(all.members.slice(0, 2).map((m) => m.id));
  });

  it('answers 404 alike for an incident outside the caller’s area and one that does not exist', async () => {
    const { communities } = await areaCodes(db());
    const elsewhere = communities.find((c) => c !== at.communityCode)!;
    const outsider = (await makeKey(db(), 'display', [elsewhere])).key;
    const hidden = await nearby('', outsider);
    const missing = await send(app, 'GET', '/api/v1/incidents/YP20990101999999/nearby', outsider);
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    const [a, b] = [(await hidden.json()).error, (await missing.json()).error];
    expect(a.code).toBe(b.code);
    expect(a.message.replace(code, 'X')).toBe(b.message.replace('YP20990101999999', 'X'));
  });

  it('answers 400 naming an unknown kind, a bad limit or a malformed code', async () => {
    const badKind = await nearby('?kinds=camera,drone');
    expect(badKind.status).toBe(400);
    const issue = (await badKind.json()).error.issues[0];
    expect(issue.path).toBe('kinds');
    expect(issue.message).toContain('drone');
    for (const limit of ['0', '51', '2.5', 'many']) {
      const response = await nearby(`?limit=${limit}`);
      expect(response.status).toBe(400);
      expect((await response.json()).error.issues[0].path).toBe('limit');
    }
    expect((await send(app, 'GET', '/api/v1/incidents/nope/nearby', operator)).status).toBe(400);
    expect((await nearby('?limit=50')).status).toBe(200);
  });

  it('walks the GiST indexes (KNN) for both lists as a scoped caller', async () => {
    const plans: string[] = [];
    const principal = {
      kind: 'api_key' as const,
      id: 0,
      name: 'plan',
      role: 'operator' as const,
      // A whole district: a community's few rows may rightly be read through its scope index
      // and sorted (migration 0014 lets the planner see how few they are).
      scopes: [`${at.communityCode.slice(0, 6)}000000`],
    };
    await withScope(db().pool, principal, async (client) => {
      // Explains each KNN statement just before it runs, under the settings it runs with.
      const explaining = {
        query: async (text: string, values?: unknown[]) => {
          if (text.includes('<->')) {
            const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, values);
            plans.push(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
          }
          return client.query(text, values);
        },
      } as unknown as ScopedClient;
      await findNearby(explaining, at, { cameras: true, members: true, limit: 5 });
    });
    expect(plans).toHaveLength(2);
    expect(plans[0]).toMatch(/Index Scan using cameras_geom_idx/);
    expect(plans[0]).toMatch(/Order By: \(geom <-> /);
    expect(plans[1]).toMatch(/Index Scan using grid_members_geom_idx/);
    expect(plans[1]).toMatch(/Order By: \(geom <-> /);
  });
});
