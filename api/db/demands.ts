import type { DemandRow } from '../contract/analysis';
import type { ScopedClient } from './scoped';

/**
 * Residents' demands per grid (发现、汇总): incidents of the demand categories reported since
 * `since`, and how many of them are still open, under the caller's scope.
 */
export async function demandsByGrid(
  client: ScopedClient,
  categories: readonly string[],
  since: Date,
  prefix: string | null,
): Promise<DemandRow[]> {
  const result = await client.query<DemandRow>(
    `SELECT grid_code AS "gridCode", count(*)::int AS demands,
            count(*) FILTER (WHERE incident_is_open(status))::int AS open
       FROM incidents
      WHERE category = ANY($1) AND reported_at >= $2 AND grid_code IS NOT NULL
        AND ($3::text IS NULL OR grid_code LIKE $3 || '%')
      GROUP BY grid_code ORDER BY grid_code`,
    [categories, since.toISOString(), prefix],
  );
  return result.rows;
}
