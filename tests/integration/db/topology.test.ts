import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/db';

const db = useTestDatabase();

/** Checks of the seeded district done by PostGIS itself; areas in m² on the spheroid. */
describe('seeded district topology (PostGIS)', () => {
  it('grids cover each community with no gap (under 1 m²)', async () => {
    const result = await db().pool.query<{ code: string; gap: number }>(
      `SELECT a.code, ST_Area(ST_Difference(a.geom, ST_Union(g.geom))::geography) AS gap
       FROM admin_areas a JOIN grids g ON g.community_code = a.code
       WHERE a.level = 'community' GROUP BY a.code, a.geom`,
    );
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.filter((row) => row.gap >= 1)).toEqual([]);
  });

  it('every community has grids and grids lie only inside their community (under 1 m²)', async () => {
    const result = await db().pool.query<{ code: string; outside: number | null }>(
      `SELECT a.code, (SELECT sum(ST_Area(ST_Difference(g.geom, a.geom)::geography))
                        FROM grids g WHERE g.community_code = a.code) AS outside
       FROM admin_areas a WHERE a.level = 'community'`,
    );
    expect(result.rows.filter((row) => row.outside === null || row.outside >= 1)).toEqual([]);
  });

  it('no two grids overlap (under 1 m²)', async () => {
    const result = await db().pool.query<{ a: string; b: string; area: number }>(
      `SELECT g1.code AS a, g2.code AS b,
              ST_Area(ST_Intersection(g1.geom, g2.geom)::geography) AS area
       FROM grids g1 JOIN grids g2 ON g1.code < g2.code AND g1.geom && g2.geom
       WHERE ST_Intersects(g1.geom, g2.geom)`,
    );
    expect(result.rows.filter((row) => row.area >= 1)).toEqual([]);
  });

  it('communities tile their street and streets tile the district (under 1 m²)', async () => {
    const result = await db().pool.query<{ code: string; gap: number }>(
      `SELECT p.code, ST_Area(ST_SymDifference(p.geom, ST_Union(c.geom))::geography) AS gap
       FROM admin_areas p JOIN admin_areas c ON c.parent_code = p.code
       GROUP BY p.code, p.geom`,
    );
    expect(result.rows.length).toBeGreaterThan(1);
    expect(result.rows.filter((row) => row.gap >= 1)).toEqual([]);
  });

  it('every building lies inside exactly one grid, the one it names', async () => {
    const result = await db().pool.query<{ id: number; grids: string[] }>(
      `SELECT b.id, array_agg(g.code) FILTER (WHERE g.code IS NOT NULL) AS grids, b.grid_code
       FROM buildings b LEFT JOIN grids g ON ST_Within(b.geom, g.geom)
       GROUP BY b.id, b.grid_code
       HAVING count(g.code) <> 1 OR NOT (b.grid_code = ANY (array_agg(g.code)))`,
    );
    expect(result.rows).toEqual([]);
  });

  // Incidents may lie on a boundary road up to 50 m beyond the district's edge (locate_grid);
  // members report positions up to 1 km beyond it (api/use-cases/members/report-position.ts).
  it('every point feature lies inside the district', async () => {
    const result = await db().pool.query<{ layer: string; outside: number }>(
      `WITH d AS (SELECT geom FROM admin_areas WHERE level = 'district')
       SELECT 'cameras' AS layer, count(*)::int AS outside FROM cameras, d WHERE NOT ST_Intersects(cameras.geom, d.geom)
       UNION ALL SELECT 'service_points', count(*)::int FROM service_points, d WHERE NOT ST_Intersects(service_points.geom, d.geom)
       UNION ALL SELECT 'incidents', count(*)::int FROM incidents, d
                  WHERE NOT ST_DWithin(incidents.geom::geography, d.geom::geography, 50)
       UNION ALL SELECT 'members', count(*)::int FROM grid_members, d
                  WHERE grid_members.geom IS NOT NULL
                    AND NOT ST_DWithin(grid_members.geom::geography, d.geom::geography, 1000)`,
    );
    expect(result.rows.filter((row) => row.outside > 0)).toEqual([]);
  });

  it('every incident lies in the grid it is assigned to, or on a road beside it', async () => {
    const result = await db().pool.query(
      `SELECT i.code FROM incidents i JOIN grids g ON g.code = i.grid_code
       WHERE NOT ST_Intersects(i.geom, g.geom)
         AND NOT ST_DWithin(i.geom::geography, g.geom::geography, 50)`,
    );
    expect(result.rows).toEqual([]);
  });

  it('the walking network is one connected graph', async () => {
    const result = await db().pool.query<{ coords: [number, number][] }>(
      `SELECT (ST_AsGeoJSON(geom, 7)::json)->'coordinates' AS coords FROM roads`,
    );
    const neighbours = new Map<string, string[]>();
    const link = (a: string, b: string) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    for (const { coords } of result.rows) {
      const keys = coords.map(([lng, lat]) => `${lng},${lat}`);
      keys.slice(1).forEach((key, i) => {
        link(keys[i]!, key);
        link(key, keys[i]!);
      });
    }
    const start = neighbours.keys().next().value!;
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length) {
      for (const next of neighbours.get(queue.pop()!) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    expect(seen.size).toBe(neighbours.size);
  });

  it('puts a road within 30 m of every building and runs none into one', async () => {
    const far = await db().pool.query(
      `SELECT b.id FROM buildings b
        WHERE NOT EXISTS (SELECT 1 FROM roads r WHERE r.geom && ST_Expand(b.geom, 0.001)
                            AND ST_DWithin(r.geom::geography, ST_Centroid(b.geom)::geography, 30))`,
    );
    expect(far.rows).toEqual([]);
    // Interior of the road meeting the building's interior, or a road ending inside it.
    const into = await db().pool.query(
      `SELECT r.id, b.id AS building FROM roads r JOIN buildings b ON r.geom && b.geom
        WHERE ST_Relate(r.geom, b.geom, 'T********') OR ST_Relate(r.geom, b.geom, '***T*****')`,
    );
    expect(into.rows).toEqual([]);
  });

  it('crosses the river only on bridges', async () => {
    const result = await db().pool.query<{ bridge: boolean; n: number }>(
      `SELECT r.bridge, count(*)::int AS n FROM roads r JOIN water_areas w
         ON r.geom && w.geom AND ST_Crosses(r.geom, w.geom) GROUP BY r.bridge`,
    );
    const crossings = Object.fromEntries(result.rows.map((row) => [String(row.bridge), row.n]));
    expect(crossings['false'] ?? 0).toBe(0);
    expect(crossings['true']).toBeGreaterThan(0);
  });
});
