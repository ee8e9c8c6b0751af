import type pg from 'pg';
import { coveredPopulationSql, type SqlCoverage } from './sql-network';

/**
 * The pgRouting baseline: one `pgr_drivingDistance` from a virtual source vertex (0) joined to
 * both ends of every facility's road by virtual edges costing the facility's access plus the
 * walk along the road to that end — a multi-source search in which each facility's access
 * distance counts, as in the engine — bounded at the coverage distance, then the covered
 * population aggregated in SQL. Needs the tables of `buildSqlNetwork`.
 */
const REACH = `
  SELECT node, agg_cost FROM pgr_drivingDistance(
    format($q$
      SELECT id, source, target, cost FROM lc_edges
      UNION ALL SELECT -2 * row_number() OVER (), 0, source, access + off
                  FROM lc_attached WHERE category = %1$L
      UNION ALL SELECT -2 * row_number() OVER () - 1, 0, target, access + len - off
                  FROM lc_attached WHERE category = %1$L$q$, $1::text),
    0, $2::float8, directed => false)`;

/** True when the pgRouting extension is installed in the database. */
export async function hasPgRouting(client: pg.PoolClient): Promise<boolean> {
  const { rows } = await client.query(`SELECT 1 FROM pg_extension WHERE extname = 'pgrouting'`);
  return rows.length > 0;
}

/** The pgRouting version, for the report. */
export async function pgRoutingVersion(client: pg.PoolClient): Promise<string> {
  const { rows } = await client.query<{ v: string }>('SELECT pgr_version() AS v');
  return rows[0]!.v;
}

/** Residents within `distance` walking metres of a facility of `category`, by pgRouting. */
export async function pgRoutingCoverage(
  client: pg.PoolClient,
  category: string,
  distance: number,
): Promise<SqlCoverage> {
  const { rows } = await client.query<SqlCoverage>(coveredPopulationSql(REACH), [
    category,
    distance,
  ]);
  return rows[0]!;
}
