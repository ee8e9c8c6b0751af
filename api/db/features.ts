import type pg from 'pg';
import type { Crs } from '../domain/crs';
import type { Cursor } from '../domain/cursor';
import { type Collection, propertySql } from './collections';
import { cursorCondition, type FeatureFilter, filterConditions } from './feature-where';
import { SqlParams } from './sql-params';

export type { PropertyValue } from './feature-where';

/** One items request, validated. */
export interface FeatureQuery extends FeatureFilter {
  crs: Crs;
  limit: number;
  cursor?: Cursor;
  /** Properties to return; all when undefined. */
  properties?: string[];
}

/** One page of items: the features as GeoJSON text assembled by PostgreSQL, and paging facts. */
export interface FeaturePage {
  /** A JSON array of GeoJSON Features. */
  featuresJson: string;
  numberReturned: number;
  numberMatched: number;
  firstKey: string | number | null;
  lastKey: string | number | null;
  /** More items lie beyond the page in the direction of travel. */
  hasMore: boolean;
}

type Queryer = Pick<pg.PoolClient, 'query'>;

/** Geometry in the output CRS as GeoJSON text, rings counter-clockwise as RFC 7946 asks. */
function geometrySql(crs: Crs): string {
  let geometry = 'ST_ForcePolygonCCW(t.geom)';
  if (crs.srid === 3857) geometry = `ST_Transform(${geometry}, 3857)`;
  if (crs.latFirst) geometry = `ST_FlipCoordinates(${geometry})`;
  return `coalesce(ST_AsGeoJSON(${geometry}, ${crs.precision}), 'null')`;
}

/**
 * The SQL of one GeoJSON Feature of `collection` (alias `t`) as text. It is concatenated rather
 * than built with json_build_object so PostgreSQL does not re-parse each geometry's JSON.
 */
export function featureSql(collection: Collection, crs: Crs, names?: string[]): string {
  const chosen = names
    ? collection.properties.filter((p) => names.includes(p.name))
    : collection.properties;
  const properties = chosen.map((p) => `'${p.name}', ${propertySql(p)}`).join(', ');
  return `'{"type":"Feature","id":' || to_json(t.${collection.idColumn})::text
    || ',"geometry":' || ${geometrySql(crs)}
    || ',"properties":' || json_build_object(${properties})::text || '}'`;
}

const where = (conditions: string[]) =>
  conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';

/**
 * One page of items in key order. Keyset paging (`key > cursor`) keeps pages stable while
 * rows are inserted; one extra row tells whether another page follows. The page's JSON is
 * built by PostgreSQL, so Node never holds the features as objects.
 */
export async function queryFeatures(
  client: Queryer,
  collection: Collection,
  query: FeatureQuery,
): Promise<FeaturePage> {
  const params = new SqlParams();
  const conditions = filterConditions(collection, query, params);
  const countSql = `SELECT count(*)::int AS n FROM ${collection.table} t ${where(conditions)}`;
  const countParams = [...params.values];
  if (query.cursor) conditions.push(cursorCondition(collection, query.cursor, params));
  const order = query.cursor?.direction === 'prev' ? 'DESC' : 'ASC';
  const limit = params.add(query.limit);
  const key = `t.${collection.keyColumn}`;
  const pageSql = `
    WITH page AS (
      SELECT ${key} AS k, ${featureSql(collection, query.crs, query.properties)} AS f
      FROM ${collection.table} t ${where(conditions)}
      ORDER BY ${key} ${order} LIMIT ${limit}::int + 1),
    numbered AS (SELECT k, f, row_number() OVER (ORDER BY k ${order}) AS n FROM page)
    SELECT '[' || coalesce(string_agg(f, ',' ORDER BY k) FILTER (WHERE n <= ${limit}::int), '') || ']'
             AS features,
           count(*) FILTER (WHERE n <= ${limit}::int)::int AS returned,
           min(k) FILTER (WHERE n <= ${limit}::int) AS first_key,
           max(k) FILTER (WHERE n <= ${limit}::int) AS last_key,
           count(*) > ${limit}::int AS has_more
    FROM numbered`;
  const page = await client.query(pageSql, params.values);
  const count = await client.query<{ n: number }>(countSql, countParams);
  const row = page.rows[0];
  return {
    featuresJson: row.features,
    numberReturned: row.returned,
    numberMatched: count.rows[0]?.n ?? 0,
    firstKey: row.first_key,
    lastKey: row.last_key,
    hasMore: row.has_more,
  };
}

/** One feature as GeoJSON text, or null when there is none with that id (in the caller's scope). */
export async function queryFeature(
  client: Queryer,
  collection: Collection,
  id: string,
  crs: Crs,
): Promise<string | null> {
  if (collection.idType === 'integer' && !/^\d{1,15}$/.test(id)) return null;
  const cast = collection.idType === 'integer' ? 'bigint' : 'text';
  const result = await client.query<{ f: string }>(
    `SELECT ${featureSql(collection, crs)} AS f FROM ${collection.table} t
     WHERE t.${collection.idColumn} = $1::${cast}`,
    [id],
  );
  return result.rows[0]?.f ?? null;
}
