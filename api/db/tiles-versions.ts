import type { Queryable } from './queryable';

/** The version of each table whose tiles may be cached; migration 0015 bumps them on change. */
export type TileVersions = ReadonlyMap<string, number>;

/** Reads the current tile versions: one small table, no row-level security, no transaction. */
export type TileVersionReader = () => Promise<TileVersions>;

/**
 * Binds the version read to a pool. It runs once per cacheable tile request (a primary-key
 * table of seven rows), so a change by any writer — this instance, another one, an import —
 * is seen by the very next request.
 */
export function tileVersionReader(db: Queryable): TileVersionReader {
  return async () => {
    const result = await db.query<{ layer: string; version: number }>(
      'SELECT layer, version FROM tile_layer_versions',
    );
    return new Map(result.rows.map((row) => [row.layer, row.version]));
  };
}
