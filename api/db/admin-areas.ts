import type pg from 'pg';
import type { AdminLevel } from '../contract/codes';

export interface AdminAreaQuery {
  level?: AdminLevel;
  limit: number;
}

/**
 * Admin areas as a GeoJSON FeatureCollection, assembled by PostgreSQL (json_agg) so Node
 * passes the text through without building the document. Rings are forced counter-clockwise
 * as RFC 7946 asks; coordinates keep 6 decimals (about 0.1 m).
 */
export async function adminAreasGeoJson(
  pool: pg.Pool | pg.PoolClient,
  query: AdminAreaQuery,
): Promise<string> {
  const result = await pool.query<{ body: string }>(
    `SELECT json_build_object(
       'type', 'FeatureCollection',
       'numberReturned', count(*),
       'features', coalesce(json_agg(json_build_object(
         'type', 'Feature',
         'id', code,
         'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 6)::json,
         'properties', json_build_object('code', code, 'name', name, 'level', level,
                                         'parent_code', parent_code, 'kind', kind)
       ) ORDER BY code), '[]'::json)
     )::text AS body
     FROM (SELECT * FROM admin_areas WHERE ($1::text IS NULL OR level = $1)
           ORDER BY code LIMIT $2) a`,
    [query.level ?? null, query.limit],
  );
  return result.rows[0]?.body ?? '{"type":"FeatureCollection","features":[]}';
}
