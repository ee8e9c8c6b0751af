import type { MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type pg from 'pg';

/**
 * Turns reached network pieces into a reach polygon: each piece widened by half the walkable
 * width on either side and all of them dissolved into one (Multi)Polygon by PostGIS (GEOS).
 * The geography buffer works in metres in a projection PostGIS picks for the area.
 */
export async function bufferReach(
  pool: pg.Pool,
  lines: MultiLineString,
  widthM: number,
): Promise<Polygon | MultiPolygon | null> {
  if (lines.coordinates.length === 0) return null;
  const result = await pool.query<{ g: Polygon | MultiPolygon | null }>(
    `SELECT ST_AsGeoJSON(ST_ForcePolygonCCW(ST_SimplifyPreserveTopology(
              ST_Buffer(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)::geography, $2, 'quad_segs=4')::geometry,
              0.000005)), 6)::json AS g`,
    [JSON.stringify(lines), widthM / 2],
  );
  return result.rows[0]?.g ?? null;
}
