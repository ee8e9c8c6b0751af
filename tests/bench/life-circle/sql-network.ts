import type pg from 'pg';

/**
 * The walking network rebuilt in SQL for the baselines, independently of the engine (adapted
 * from tests/integration/analysis/sql-walking.ts): road end points snapped to 1e-7° are the
 * vertices, an edge costs its PostGIS geography length, and every building (a point on its
 * surface) and service point is attached to the nearest road by geography distance, split at
 * the nearest point (located in UTM zone 50N, EPSG:32650). Built once per run in temporary
 * tables on one connection; the baselines then time only their per-category queries.
 */
const SETUP = [
  `CREATE TEMP TABLE lc_ends AS
     SELECT id, ST_SnapToGrid(ST_StartPoint(geom), 1e-7) AS a,
            ST_SnapToGrid(ST_EndPoint(geom), 1e-7) AS b, ST_Length(geom::geography) AS len
       FROM roads`,
  `CREATE TEMP TABLE lc_nodes AS
     SELECT row_number() OVER (ORDER BY p) AS id, p
       FROM (SELECT a AS p FROM lc_ends UNION SELECT b FROM lc_ends) q`,
  `CREATE TEMP TABLE lc_edges AS
     SELECT e.id, na.id AS source, nb.id AS target, e.len AS cost
       FROM lc_ends e JOIN lc_nodes na ON na.p = e.a JOIN lc_nodes nb ON nb.p = e.b`,
  `CREATE TEMP TABLE lc_points AS
     SELECT b.id::text AS key, NULL::text AS category, b.population, ST_PointOnSurface(b.geom) AS pt
       FROM buildings b
     UNION ALL SELECT code, category, 0, geom FROM service_points`,
  // The KNN operator orders by planar degrees; the nearest of eight by geography wins.
  `CREATE TEMP TABLE lc_attached AS
     SELECT p.key, p.category, p.population, e.id AS edge, e.source, e.target, e.cost AS len,
            c.access, c.frac * e.cost AS off
       FROM lc_points p
       CROSS JOIN LATERAL (
         SELECT * FROM (
           SELECT r.id, ST_Distance(r.geom::geography, p.pt::geography) AS access,
                  ST_LineLocatePoint(ST_Transform(r.geom, 32650), ST_Transform(p.pt, 32650)) AS frac
             FROM roads r ORDER BY r.geom <-> p.pt LIMIT 8) k
          ORDER BY access, id LIMIT 1) c
       JOIN lc_edges e ON e.id = c.id
      WHERE c.access <= 1500`,
  `CREATE INDEX ON lc_attached (category, edge)`,
  `CREATE INDEX ON lc_edges (source)`,
  `CREATE INDEX ON lc_edges (target)`,
  `ANALYZE lc_edges`,
  `ANALYZE lc_attached`,
];

const TEARDOWN = ['lc_dist', 'lc_attached', 'lc_points', 'lc_edges', 'lc_nodes', 'lc_ends'].map(
  (table) => `DROP TABLE IF EXISTS ${table}`,
);

/** Sizes of the SQL network, for the report. */
export interface SqlNetwork {
  vertices: number;
  edges: number;
  buildings: number;
  facilities: number;
}

/** Builds the SQL network on `client` (temporary tables, visible to that session only). */
export async function buildSqlNetwork(client: pg.PoolClient): Promise<SqlNetwork> {
  for (const statement of SETUP) await client.query(statement);
  const { rows } = await client.query<Record<keyof SqlNetwork, number>>(
    `SELECT (SELECT count(*) FROM lc_nodes)::int AS vertices,
            (SELECT count(*) FROM lc_edges)::int AS edges,
            count(*) FILTER (WHERE category IS NULL)::int AS buildings,
            count(category)::int AS facilities
       FROM lc_attached`,
  );
  return rows[0]!;
}

/** Drops the SQL network's tables. */
export async function dropSqlNetwork(client: pg.PoolClient): Promise<void> {
  for (const statement of TEARDOWN) await client.query(statement);
}

/**
 * Covered and total population from a node-distance relation `reach(node, agg_cost)` given as
 * SQL: a building's walk is its access plus the better of its edge's two ends — or, when a
 * facility of the category (`$1`) sits on the same edge, the walk along it. `$2` is the limit.
 */
export const coveredPopulationSql = (reach: string) => `
  WITH reach AS (${reach}),
  fac AS (SELECT edge, access, off FROM lc_attached WHERE category = $1),
  walk AS (
    SELECT b.population, b.access + least(
             coalesce(ra.agg_cost + b.off, 'Infinity'),
             coalesce(rb.agg_cost + b.len - b.off, 'Infinity'),
             coalesce((SELECT min(f.access + abs(f.off - b.off)) FROM fac f WHERE f.edge = b.edge),
                      'Infinity')) AS d
      FROM lc_attached b
      LEFT JOIN reach ra ON ra.node = b.source
      LEFT JOIN reach rb ON rb.node = b.target
     WHERE b.category IS NULL)
  SELECT coalesce(sum(population) FILTER (WHERE d <= $2), 0)::int AS covered,
         coalesce(sum(population), 0)::int AS total
    FROM walk`;

/** Covered and total residents as the baselines return them. */
export interface SqlCoverage {
  covered: number;
  total: number;
}
