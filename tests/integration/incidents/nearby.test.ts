import { beforeAll, describe, expect, it } from 'vitest';
import { withScope } from '../../../api/db/scoped';
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
  cameras: { code: string; distanceM: number; inView: boolean }[];
  members: { id: string; distanceM: number }[];
}

const nearby = async (query: string, key = operator) =>
  send(app, 'GET', `/api/v1/incidents/${code}/nearby${query}`, key);

beforeAll(async () => {
  app = createTestApp(db(), { clock: fixedClock('2026-06-01T14:00:00Z') });
  operator = (await makeKey(db(), 'operator', [(await areaCodes(db())).district])).key;
  at = await pointInGrid(db());
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
    expect(mine[3]!.distanceM).toBeCloseTo(45, 0);
  });

  it('lists on-duty members by distance and leaves off-duty ones out', async () => {
    const members = await db().pool.query<{ id: string }>(
      'SELECT id FROM grid_members WHERE community_code = $1 ORDER BY id LIMIT 2',
      [at.communityCode],
    );
    const [onDuty, offDuty] = members.rows.map((r) => r.id);
    const place = async (id: string, duty: boolean, p: { lng: number; lat: number }) =>
      db().pool.query(
        `UPDATE grid_members SET on_duty = $2, geom = ST_SetSRID(ST_MakePoint($3, $4), 4326),
                position_at = '2026-06-01T13:59:00Z' WHERE id = $1`,
        [id, duty, p.lng, p.lat],
      );
    await place(onDuty!, true, offset(45, 3));
    await place(offDuty!, false, offset(225, 2));
    const body = (await (await nearby('?kinds=member')).json()) as Body;
    expect(body.cameras).toEqual([]);
    expect(body.members).toHaveLength(5);
    expect(body.members[0]).toMatchObject({ id: onDuty });
    expect(body.members[0]!.distanceM).toBeCloseTo(3, 0);
    expect(body.members.map((m) => m.id)).not.toContain(offDuty);
  });

  it('answers 404 outside the caller’s area and 400 for bad parameters', async () => {
    const { communities } = await areaCodes(db());
    const elsewhere = communities.find((c) => c !== at.communityCode)!;
    const outsider = (await makeKey(db(), 'display', [elsewhere])).key;
    expect((await nearby('', outsider)).status).toBe(404);
    const badKind = await nearby('?kinds=camera,drone');
    expect(badKind.status).toBe(400);
    expect((await badKind.json()).error.issues[0].path).toBe('kinds');
    expect((await nearby('?limit=500')).status).toBe(400);
    expect((await nearby('?limit=2')).status).toBe(200);
  });

  it('finds neighbours through the spatial index, also under an area scope', async () => {
    const plan = await withScope(
      db().pool,
      { kind: 'api_key', id: 0, name: 'plan', role: 'operator', scopes: [at.communityCode] },
      async (client) => {
        await client.query('SET LOCAL enable_seqscan = off');
        const result = await client.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN SELECT code FROM cameras
            ORDER BY geom <-> ST_SetSRID(ST_MakePoint($1, $2), 4326) LIMIT 20`,
          [at.lng, at.lat],
        );
        return result.rows.map((r) => r['QUERY PLAN']).join('\n');
      },
    );
    expect(plan).toMatch(/Index Scan using cameras_geom_idx/);
    expect(plan).toMatch(/Order By: \(geom <-> /);
  });
});
