import type { LngLatBounds } from '../domain/tile-math';
import type { Queryable } from './queryable';

const TABLE = /^[a-z_]+$/;

/**
 * The extent of `geom` over `tables` as the caller sees them (run inside `withScope`), or null
 * when they see nothing. Table names come from the collection catalog, never from a request.
 */
export async function tablesExtent(
  client: Queryable,
  tables: readonly string[],
): Promise<LngLatBounds | null> {
  const names = [...new Set(tables)];
  if (!names.length || names.some((name) => !TABLE.test(name))) {
    throw new Error(`tablesExtent: invalid table list ${names.join(', ')}`);
  }
  const union = names.map((name) => `SELECT geom FROM ${name}`).join(' UNION ALL ');
  const result = await client.query<{ w: number | null; s: number; e: number; n: number }>(
    `SELECT ST_XMin(x) AS w, ST_YMin(x) AS s, ST_XMax(x) AS e, ST_YMax(x) AS n
       FROM (SELECT ST_Extent(geom) AS x FROM (${union}) g) extent`,
  );
  const row = result.rows[0];
  return row && row.w !== null ? [row.w, row.s, row.e, row.n] : null;
}
