import type { Feature, Polygon } from 'geojson';
import type { Queryable } from '../../../api/db/queryable';

/** A grid or community as the tests read it: code and exact geometry. */
export interface Shape {
  code: string;
  community: string;
  geometry: Polygon;
}

const feature = (geometry: Polygon): Feature<Polygon> => ({
  type: 'Feature',
  properties: {},
  geometry,
});

/** `shape` as a GeoJSON feature, for turf. */
export const asFeature = (shape: { geometry: Polygon }) => feature(shape.geometry);

/** Every grid, with full-precision geometry. */
export async function readGrids(db: Queryable): Promise<Shape[]> {
  const result = await db.query<Shape>(
    `SELECT code, community_code AS community, ST_AsGeoJSON(geom, 15)::json AS geometry
       FROM grids ORDER BY code`,
  );
  return result.rows;
}

/** A community's outline (the seeded ones are single polygons). */
export async function readCommunity(db: Queryable, code: string): Promise<Polygon> {
  const result = await db.query<{ geometry: Polygon }>(
    `SELECT ST_AsGeoJSON(ST_GeometryN(geom, 1), 15)::json AS geometry
       FROM admin_areas WHERE code = $1`,
    [code],
  );
  return result.rows[0]!.geometry;
}

/** Shrinks a grid inward by `degrees` (a negative buffer): a ring of its community is left bare. */
export async function shrinkGrid(db: Queryable, code: string, degrees: number): Promise<Polygon> {
  const result = await db.query<{ geometry: Polygon }>(
    `UPDATE grids SET geom = ST_Buffer(geom, -$2::float8, 'join=mitre')
      WHERE code = $1 RETURNING ST_AsGeoJSON(geom, 15)::json AS geometry`,
    [code, degrees],
  );
  return result.rows[0]!.geometry;
}

/** Moves a grid by (dLng, dLat) degrees: it overlaps whatever it slides onto. */
export async function moveGrid(db: Queryable, code: string, dLng: number, dLat: number) {
  const result = await db.query<{ geometry: Polygon }>(
    `UPDATE grids SET geom = ST_Translate(geom, $2, $3)
      WHERE code = $1 RETURNING ST_AsGeoJSON(geom, 15)::json AS geometry`,
    [code, dLng, dLat],
  );
  return result.rows[0]!.geometry;
}

/** Two grids of different communities sharing an edge, the first's community first. */
export async function neighboursAcross(db: Queryable) {
  const result = await db.query<{ a: string; b: string }>(
    `SELECT g1.code AS a, g2.code AS b FROM grids g1
       JOIN grids g2 ON g1.geom && g2.geom AND g1.community_code < g2.community_code
      WHERE ST_Dimension(ST_Intersection(g1.geom, g2.geom)) = 1
      ORDER BY ST_Length(ST_Intersection(g1.geom, g2.geom)) DESC LIMIT 1`,
  );
  return result.rows[0]!;
}

/** Two grids of one community sharing an edge, other than in `avoid`'s communities. */
export async function neighboursWithin(db: Queryable, avoid: readonly string[]) {
  const result = await db.query<{ a: string; b: string }>(
    `SELECT g1.code AS a, g2.code AS b FROM grids g1
       JOIN grids g2 ON g1.geom && g2.geom AND g1.community_code = g2.community_code
                    AND g1.code < g2.code
      WHERE NOT g1.community_code = ANY ($1::text[])
        AND ST_Dimension(ST_Intersection(g1.geom, g2.geom)) = 1
      ORDER BY ST_Length(ST_Intersection(g1.geom, g2.geom)) DESC, g1.code LIMIT 1`,
    [avoid.map((code) => code.slice(0, 12))],
  );
  return result.rows[0]!;
}

/** Redraws a building as a 20 m box centred on the middle of the edge two grids share. */
export async function straddle(db: Queryable, a: string, b: string): Promise<number> {
  const result = await db.query<{ id: string }>(
    `UPDATE buildings SET geom = (
        SELECT ST_Expand(ST_LineInterpolatePoint(ST_GeometryN(ST_LineMerge(
                 ST_CollectionExtract(ST_Intersection(g1.geom, g2.geom), 2)), 1), 0.5), 0.0001)
          FROM grids g1, grids g2 WHERE g1.code = $1 AND g2.code = $2)
      WHERE id = (SELECT min(id) FROM buildings) RETURNING id`,
    [a, b],
  );
  return Number(result.rows[0]!.id);
}

/** Redraws a building as a 2 m box in the bare ring a shrunk grid left, off every grid. */
export async function strand(db: Queryable, code: string, original: Polygon): Promise<number> {
  const result = await db.query<{ id: string }>(
    `UPDATE buildings SET geom = (
        SELECT ST_Expand(ST_PointOnSurface(ST_Difference(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326), g.geom)), 0.00001)
          FROM grids g WHERE g.code = $1)
      WHERE id = (SELECT max(id) FROM buildings) RETURNING id`,
    [code, JSON.stringify(original)],
  );
  return Number(result.rows[0]!.id);
}
