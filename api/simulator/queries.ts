import type pg from 'pg';
import type { IncidentStatus } from '../contract/codes';
import type { OpenIncident } from './workflow';

/**
 * What the simulator reads to decide (the changes it makes go through the use cases): the
 * district, where to report, which incidents are open, which members patrol which road.
 */

export async function districtCode(pool: pg.Pool): Promise<string> {
  const result = await pool.query<{ code: string }>(
    "SELECT code FROM admin_areas WHERE level = 'district' ORDER BY code LIMIT 1",
  );
  const code = result.rows[0]?.code;
  if (!code) throw new Error('the simulator needs a seeded district');
  return code;
}

/** A random point in a grid chosen in proportion to its population (exponential sampling). */
export async function reportPoint(pool: pg.Pool, seed: number): Promise<[number, number]> {
  const result = await pool.query<{ lng: number; lat: number }>(
    `WITH g AS (
       SELECT geom FROM grids
        ORDER BY -ln(1 - random()) / greatest(population, 1)
        LIMIT 1)
     SELECT ST_X(p.geom) AS lng, ST_Y(p.geom) AS lat
       FROM g, LATERAL ST_Dump(ST_GeneratePoints(g.geom, 1, $1)) AS p`,
    [(seed % 1_000_000) + 1],
  );
  const row = result.rows[0]!;
  return [row.lng, row.lat];
}

/** A few open incidents of the last days, in random order. */
export async function openIncidents(
  pool: pg.Pool,
  since: Date,
  limit: number,
): Promise<OpenIncident[]> {
  const result = await pool.query<{
    code: string;
    status: IncidentStatus;
    assignee_id: string | null;
    fallback: string | null;
  }>(
    `SELECT i.code, i.status, i.assignee_id,
            (SELECT m.id FROM grid_members m WHERE m.community_code = i.community_code
              ORDER BY m.on_duty DESC, m.id LIMIT 1) AS fallback
       FROM incidents i
      WHERE i.status NOT IN ('closed', 'rejected', 'merged') AND i.reported_at >= $1
      ORDER BY random() LIMIT $2`,
    [since.toISOString(), limit],
  );
  return result.rows.map((r) => ({
    code: r.code,
    status: r.status,
    assigneeId: r.assignee_id ?? r.fallback,
  }));
}

/** `count` on-duty members, each with the road nearest to one of their grids. */
export async function patrolRoutes(
  pool: pg.Pool,
  count: number,
  seed: number,
): Promise<{ memberId: string; route: [number, number][] }[]> {
  const result = await pool.query<{ id: string; route: [number, number][] }>(
    `WITH chosen AS (
       SELECT m.id, (SELECT ST_PointOnSurface(g.geom) FROM grid_member_grids mg
                      JOIN grids g ON g.code = mg.grid_code
                     WHERE mg.member_id = m.id ORDER BY g.code LIMIT 1) AS home
         FROM grid_members m
        WHERE m.on_duty
        ORDER BY md5(m.id || $2::text)
        LIMIT $1)
     SELECT c.id, (ST_AsGeoJSON(r.geom)::json -> 'coordinates') AS route
       FROM chosen c
       CROSS JOIN LATERAL (SELECT geom FROM roads ORDER BY geom <-> c.home LIMIT 1) r
      WHERE c.home IS NOT NULL`,
    [count, seed],
  );
  return result.rows.map((r) => ({ memberId: r.id, route: r.route }));
}
