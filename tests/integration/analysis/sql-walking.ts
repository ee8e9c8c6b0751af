import type pg from 'pg';

/**
 * An independent computation of walking distances inside PostgreSQL, written without any of
 * the engine's code: nodes are road end points snapped to 1e-7°, edge lengths are PostGIS
 * geography lengths (on the WGS84 spheroid), buildings and facilities attach to the nearest road
 * by geography distance (the spot along it found in UTM zone 50N, EPSG:32650, where angles are
 * true), and node distances come from Bellman–Ford relaxation in plain SQL,
 * repeated until nothing changes. Slow (fine for the small test district), but nothing in it
 * depends on the engine under test.
 */
const SETUP = [
  `CREATE TEMP TABLE w_edges ON COMMIT DROP AS
     SELECT id, ST_SnapToGrid(ST_StartPoint(geom), 1e-7) AS a, ST_SnapToGrid(ST_EndPoint(geom), 1e-7) AS b,
            ST_Length(geom::geography) AS len, geom
       FROM roads`,
  `CREATE TEMP TABLE w_nodes ON COMMIT DROP AS
     SELECT row_number() OVER (ORDER BY ST_X(p), ST_Y(p)) AS n, p
       FROM (SELECT a AS p FROM w_edges UNION SELECT b FROM w_edges) q`,
  `CREATE TEMP TABLE w_arcs ON COMMIT DROP AS
     SELECT e.id, na.n AS a, nb.n AS b, e.len FROM w_edges e
       JOIN w_nodes na ON na.p = e.a JOIN w_nodes nb ON nb.p = e.b`,
  `CREATE TEMP TABLE w_dist (n bigint PRIMARY KEY, d float8 NOT NULL) ON COMMIT DROP`,
];

/** The nearest road to each point, with the metres to it and along it from either end. */
const ATTACH = (points: string) => `
  SELECT p.key, c.id, c.access, c.frac * e.len AS off, e.len, a.a, a.b
    FROM (${points}) p
    CROSS JOIN LATERAL (
      SELECT id, ST_Distance(geom::geography, p.pt::geography) AS access,
             ST_LineLocatePoint(ST_Transform(geom, 32650), ST_Transform(p.pt, 32650)) AS frac
        FROM roads ORDER BY geom <-> p.pt LIMIT 8) c
    JOIN w_edges e ON e.id = c.id JOIN w_arcs a ON a.id = c.id`;

/**
 * Walking metres from every building to the nearest service point of `category`, by building
 * id, computed in SQL alone. Runs in one transaction on one connection (temporary tables).
 */
export async function sqlWalkingDistances(
  pool: pg.Pool,
  category: string,
): Promise<Map<number, number>> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const statement of SETUP) await client.query(statement);
    await client.query(
      `CREATE TEMP TABLE w_fac ON COMMIT DROP AS
       SELECT DISTINCT ON (key) * FROM (${ATTACH(
         `SELECT code AS key, geom AS pt FROM service_points WHERE category = $1`,
       )}) x ORDER BY key, access`,
      [category],
    );
    await client.query(
      `INSERT INTO w_dist SELECT n, min(d) FROM (
         SELECT a AS n, access + off AS d FROM w_fac UNION ALL SELECT b, access + len - off FROM w_fac) s
       GROUP BY n`,
    );
    for (;;) {
      const changed = await client.query(
        `WITH cand AS (
           SELECT x.b AS n, min(d.d + x.len) AS d FROM w_dist d JOIN w_arcs x ON x.a = d.n GROUP BY x.b
           UNION ALL
           SELECT x.a, min(d.d + x.len) FROM w_dist d JOIN w_arcs x ON x.b = d.n GROUP BY x.a),
         best AS (SELECT n, min(d) AS d FROM cand GROUP BY n)
         INSERT INTO w_dist SELECT n, d FROM best
         ON CONFLICT (n) DO UPDATE SET d = excluded.d WHERE excluded.d < w_dist.d - 1e-9`,
      );
      if ((changed.rowCount ?? 0) === 0) break;
    }
    const result = await client.query<{ id: number; d: number | null }>(
      `WITH bld AS (
         SELECT DISTINCT ON (key) * FROM (${ATTACH(
           `SELECT id::int AS key, ST_PointOnSurface(geom) AS pt FROM buildings`,
         )}) x ORDER BY key, access)
       SELECT b.key AS id, b.access + least(
                coalesce(da.d + b.off, 'Infinity'), coalesce(db.d + b.len - b.off, 'Infinity'),
                coalesce((SELECT min(f.access + abs(f.off - b.off)) FROM w_fac f WHERE f.id = b.id), 'Infinity')) AS d
         FROM bld b LEFT JOIN w_dist da ON da.n = b.a LEFT JOIN w_dist db ON db.n = b.b`,
    );
    await client.query('COMMIT');
    return new Map(result.rows.map((r) => [r.id, Number(r.d)]));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
