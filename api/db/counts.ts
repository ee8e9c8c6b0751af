import type { Queryable } from './queryable';
import type { Counts } from '../contract/health';

/** Feature counts shown by `/readyz`. */
export type FeatureCounts = Counts;

/** Counts rows of the main layers in one round trip. */
export async function countFeatures(pool: Queryable): Promise<FeatureCounts> {
  const result = await pool.query<FeatureCounts>(`SELECT
    (SELECT count(*) FROM grids)::int AS grids,
    (SELECT count(*) FROM grid_members)::int AS members,
    (SELECT count(*) FROM cameras)::int AS cameras,
    (SELECT count(*) FROM service_points)::int AS "servicePoints",
    (SELECT count(*) FROM buildings)::int AS buildings,
    (SELECT count(*) FROM roads)::int AS roads,
    (SELECT count(*) FROM incidents)::int AS incidents`);
  const row = result.rows[0];
  if (!row) throw new Error('count query returned no row');
  return row;
}
