import type { Feature, Geometry, Polygon, Position } from 'geojson';
import type pg from 'pg';
import type { ImportCollection, ImportOptions } from '../../../api/contract/imports';
import { ImportOptionsSchema } from '../../../api/contract/imports';
import type { ImportInput } from '../../../api/use-cases/imports/run-import';

/** A community of the seeded district with a point well inside it. */
export interface Community {
  code: string;
  street: string;
  lng: number;
  lat: number;
}

/** The seeded communities, each with its point on surface. */
export async function seededCommunities(pool: pg.Pool): Promise<Community[]> {
  const { rows } = await pool.query<Community>(
    `SELECT code, parent_code AS street, ST_X(p) AS lng, ST_Y(p) AS lat
       FROM (SELECT code, parent_code, ST_PointOnSurface(geom) AS p FROM admin_areas
              WHERE level = 'community') c ORDER BY code`,
  );
  return rows;
}

/** A counter-clockwise square of `half` degrees around a point. */
export function square(lng: number, lat: number, half = 0.0001): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lng - half, lat - half],
        [lng + half, lat - half],
        [lng + half, lat + half],
        [lng - half, lat + half],
        [lng - half, lat - half],
      ],
    ],
  };
}

export const point = (p: Position): Geometry => ({ type: 'Point', coordinates: p });

/** A GeoJSON file's bytes from features given as [properties, geometry]. */
export function geojson(features: [Record<string, unknown>, Geometry | null][]): Uint8Array {
  const collection = {
    type: 'FeatureCollection',
    features: features.map(([properties, geometry]): Feature<Geometry | null> => ({
      type: 'Feature',
      properties,
      geometry,
    })),
  };
  return new TextEncoder().encode(JSON.stringify(collection));
}

/** An import of `bytes` into `collection` with default options (WGS84) and `overrides`. */
export function importOf(
  collection: ImportCollection,
  bytes: Uint8Array,
  overrides: Partial<ImportOptions> = {},
): ImportInput {
  return {
    bytes,
    fileName: `${collection}.geojson`,
    options: ImportOptionsSchema.parse({ collection, crs: 'wgs84', ...overrides }),
    actor: 'test:engine',
    now: new Date('2026-12-07T05:00:00Z'),
  };
}

/**
 * Runs `work` on a connection inside a transaction that is always rolled back, so tests that
 * replace or delete seeded rows leave the shared district as they found it.
 */
export async function rolledBack<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    return await work(client);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

/** The count of rows of a table matching a condition (a proof that nothing was written). */
export async function countRows(
  db: Pick<pg.Pool, 'query'>,
  table: string,
  where = 'true',
  params: unknown[] = [],
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return rows[0]!.n;
}

/** A checksum of a table's rows (geometry included), to prove a re-import changed nothing. */
export async function tableChecksum(db: Pick<pg.Pool, 'query'>, table: string): Promise<string> {
  const { rows } = await db.query<{ sum: string }>(
    `SELECT md5(string_agg(md5(t::text), '' ORDER BY t::text)) AS sum FROM ${table} t`,
  );
  return rows[0]!.sum;
}

/** The tile version of a layer (bumped by a statement trigger whenever its table changes). */
export async function tileVersion(db: Pick<pg.Pool, 'query'>, layer: string): Promise<number> {
  const { rows } = await db.query<{ version: number }>(
    'SELECT version FROM tile_layer_versions WHERE layer = $1',
    [layer],
  );
  return Number(rows[0]!.version);
}
