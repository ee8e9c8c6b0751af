import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { pointInGrid, report, reportBody, send } from './support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let operator: string;
let communities: string[];

beforeAll(async () => {
  app = createTestApp(db(), { clock: fixedClock('2026-06-01T09:00:00Z') });
  const codes = await areaCodes(db());
  communities = codes.communities;
  operator = (await makeKey(db(), 'operator', [codes.district])).key;
});

/** Road midpoints with the grids that contain them. */
async function roadPoints() {
  const result = await db().pool.query<{ lng: number; lat: number; grids: string[] }>(
    `WITH r AS (SELECT ST_LineInterpolatePoint(geom, 0.5) AS p FROM roads)
     SELECT ST_X(p) AS lng, ST_Y(p) AS lat,
            ARRAY(SELECT code FROM grids g WHERE ST_Intersects(g.geom, r.p) ORDER BY code) AS grids
       FROM r
      WHERE EXISTS (SELECT 1 FROM admin_areas d
                     WHERE d.level = 'district' AND ST_DWithin(d.geom::geography, r.p::geography, 5))`,
  );
  return result.rows;
}

describe('grid assignment', () => {
  it('puts a point on the edge shared by two grids in one of them, the same one every time', async () => {
    const edge = (await roadPoints()).find((p) => p.grids.length === 2);
    expect(edge, 'the district has roads along grid edges').toBeDefined();
    const first = await report(app, operator, edge!.lng, edge!.lat);
    const second = await report(app, operator, edge!.lng, edge!.lat);
    expect(edge!.grids).toContain(first.incident.gridCode);
    expect(second.incident.gridCode).toBe(first.incident.gridCode);
  });

  it('gives a point on a boundary road, outside every grid, to the nearest grid', async () => {
    const gap = (await roadPoints()).find((p) => p.grids.length === 0);
    expect(gap, 'the district has roads along its boundary').toBeDefined();
    const nearest = await db().pool.query<{ code: string }>(
      `SELECT code FROM grids
        ORDER BY ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography), code
        LIMIT 1`,
      [gap!.lng, gap!.lat],
    );
    const { incident } = await report(app, operator, gap!.lng, gap!.lat);
    expect(incident.gridCode).toBe(nearest.rows[0]!.code);
  });

  it('assigns the on-duty member responsible for the grid, if any', async () => {
    const staffed = await db().pool.query<{ grid_code: string; id: string }>(
      `SELECT DISTINCT ON (mg.grid_code) mg.grid_code, m.id
         FROM grid_member_grids mg JOIN grid_members m ON m.id = mg.member_id
        WHERE m.on_duty
        ORDER BY mg.grid_code,
                 array_position(ARRAY['full_time','part_time','leader','professional','helper'], m.role), m.id
        LIMIT 1`,
    );
    const { grid_code: grid, id } = staffed.rows[0]!;
    const point = await db().pool.query<{ lng: number; lat: number }>(
      'SELECT ST_X(ST_PointOnSurface(geom)) AS lng, ST_Y(ST_PointOnSurface(geom)) AS lat FROM grids WHERE code = $1',
      [grid],
    );
    const { incident } = await report(app, operator, point.rows[0]!.lng, point.rows[0]!.lat);
    expect(incident.gridCode).toBe(grid);
    expect(incident.assigneeId).toBe(id);
  });

  it('finds a place by the name of a grid in the address', async () => {
    const grid = await db().pool.query<{ code: string; name: string }>(
      'SELECT code, name FROM grids ORDER BY code LIMIT 1',
    );
    const { code, name } = grid.rows[0]!;
    const body = { ...reportBody(0, 0), location: undefined, address: `${name}3号楼门口` };
    const response = await send(app, 'POST', '/api/v1/incidents', operator, body);
    expect(response.status).toBe(201);
    expect((await response.json()).incident.gridCode).toBe(code);
  });

  it('refuses an address it cannot place with 422 asking for a location', async () => {
    const body = { ...reportBody(0, 0), location: undefined, address: '火星基地一号' };
    const response = await send(app, 'POST', '/api/v1/incidents', operator, body);
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(/location/);
  });

  it('refuses, with 403, a report in a community outside the caller’s area, naming nothing there', async () => {
    const [mine, other] = communities;
    const key = (await makeKey(db(), 'operator', [mine!])).key;
    const at = await pointInGrid(db(), other);
    const before = await db().pool.query('SELECT count(*)::int AS n FROM incidents');
    const response = await send(app, 'POST', '/api/v1/incidents', key, reportBody(at.lng, at.lat));
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).toContain('outside your area');
    for (const hidden of [at.gridCode, at.communityCode]) expect(text).not.toContain(hidden);
    const after = await db().pool.query('SELECT count(*)::int AS n FROM incidents');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('answers malformed bodies with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...reportBody(117, 35), category: 'ufo' }, 'category'],
      [{ ...reportBody(117, 35), location: { type: 'Point', coordinates: [200, 35] } }, 'location'],
      [{ ...reportBody(117, 35), location: undefined }, 'location'],
      [{ ...reportBody(117, 35), severity: 'extreme' }, 'severity'],
      [{ ...reportBody(117, 35), photoUrls: ['file:///etc/passwd'] }, 'photoUrls'],
      [{ ...reportBody(117, 35), description: ' ' }, 'description'],
    ];
    for (const [body, field] of cases) {
      const response = await send(app, 'POST', '/api/v1/incidents', operator, body);
      expect(response.status, field).toBe(400);
      const issues = (await response.json()).error.issues as { path: string }[];
      expect(issues.map((i) => i.path).join(' '), field).toContain(field);
    }
  });
});
