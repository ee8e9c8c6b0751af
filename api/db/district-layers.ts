import type { Queryable } from './queryable';

/**
 * The static layers a district replacement empties, children before parents (member
 * assignments and everything located in a grid or street before the grids, grids before the
 * members they name as leaders, members before the admin areas).
 */
export const STATIC_LAYER_TABLES = [
  'grid_member_grids',
  'service_points',
  'cameras',
  'buildings',
  'roads',
  'water_areas',
  'grids',
  'grid_members',
  'admin_areas',
] as const;
export type StaticLayerTable = (typeof STATIC_LAYER_TABLES)[number];

/** Rows per static layer table. */
export type LayerCounts = Record<StaticLayerTable, number>;

/**
 * Defers, to the end of the caller's transaction, the foreign keys from operational records
 * (incidents, IoT devices, scenarios) to the static layers (migration 0021 made them
 * deferrable), so the layers can be emptied and loaded again while those records wait to be
 * checked against what came back.
 */
export async function deferOperationalKeys(client: Queryable): Promise<void> {
  await client.query('SET CONSTRAINTS ALL DEFERRED');
}

/** Counts the rows of every static layer as the transaction sees them. */
export async function countStaticLayers(client: Queryable): Promise<LayerCounts> {
  const selects = STATIC_LAYER_TABLES.map(
    (table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`,
  );
  const result = await client.query<LayerCounts>(`SELECT ${selects.join(', ')}`);
  return result.rows[0]!;
}

/**
 * Deletes every row of every static layer (DELETE, not TRUNCATE: the statement triggers that
 * bump the tile and analysis versions fire, and operational records keep their deferred keys).
 * Returns how many rows each table lost.
 */
export async function clearStaticLayers(client: Queryable): Promise<LayerCounts> {
  const counts = {} as LayerCounts;
  for (const table of STATIC_LAYER_TABLES) {
    const result = await client.query(`DELETE FROM ${table}`);
    counts[table] = result.rowCount ?? 0;
  }
  return counts;
}
