import type pg from 'pg';
import { coveredPopulationSql, type SqlCoverage } from './sql-network';

/**
 * The plain-SQL baseline where pgRouting is missing (the embedded database): Bellman–Ford
 * relaxation from the facilities' road ends, one statement per round relaxing only the vertices
 * improved in the round before, bounded at the coverage distance, until nothing improves; then
 * the same aggregation as the pgRouting baseline. Needs the tables of `buildSqlNetwork`.
 */
const SEED = `
  INSERT INTO lc_dist (node, agg_cost, round)
  SELECT node, min(d), 0 FROM (
    SELECT source AS node, access + off AS d FROM lc_attached WHERE category = $1
    UNION ALL SELECT target, access + len - off FROM lc_attached WHERE category = $1) s
   WHERE d <= $2 GROUP BY node`;

const RELAX = `
  WITH frontier AS (SELECT node, agg_cost FROM lc_dist WHERE round = $1 - 1),
  cand AS (
    SELECT e.target AS node, f.agg_cost + e.cost AS d FROM frontier f JOIN lc_edges e ON e.source = f.node
    UNION ALL
    SELECT e.source, f.agg_cost + e.cost FROM frontier f JOIN lc_edges e ON e.target = f.node),
  best AS (SELECT node, min(d) AS d FROM cand WHERE d <= $2 GROUP BY node)
  INSERT INTO lc_dist (node, agg_cost, round) SELECT node, d, $1 FROM best
  ON CONFLICT (node) DO UPDATE SET agg_cost = excluded.agg_cost, round = excluded.round
   WHERE excluded.agg_cost < lc_dist.agg_cost - 1e-9`;

/** Residents within `distance` walking metres of a facility of `category`, in plain SQL. */
export async function bellmanFordCoverage(
  client: pg.PoolClient,
  category: string,
  distance: number,
): Promise<SqlCoverage> {
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS lc_dist
       (node bigint PRIMARY KEY, agg_cost float8 NOT NULL, round int NOT NULL)`,
  );
  await client.query('TRUNCATE lc_dist');
  await client.query(SEED, [category, distance]);
  for (let round = 1; ; round += 1) {
    const changed = await client.query(RELAX, [round, distance]);
    if ((changed.rowCount ?? 0) === 0) break;
  }
  const { rows } = await client.query<SqlCoverage>(
    coveredPopulationSql('SELECT node, agg_cost FROM lc_dist'),
    [category, distance],
  );
  return rows[0]!;
}
