import type pg from 'pg';
import type { IncidentStatus } from '../../api/contract/codes';
import type { RoadLine } from './patrol';
import type { GridPopulation } from './reports';
import type { OpenIncident } from './workflow';

/**
 * What the simulator reads to decide; every change it makes goes through the use cases. Each
 * read is one short statement on the pool: on the embedded database (one connection) nothing
 * is held between them.
 */

export async function districtCode(pool: pg.Pool): Promise<string> {
  const result = await pool.query<{ code: string }>(
    "SELECT code FROM admin_areas WHERE level = 'district' ORDER BY code LIMIT 1",
  );
  const code = result.rows[0]?.code;
  if (!code) throw new Error('the simulator needs a seeded district');
  return code;
}

export async function gridPopulations(pool: pg.Pool): Promise<GridPopulation[]> {
  const result = await pool.query<GridPopulation>(
    'SELECT code, population FROM grids ORDER BY code',
  );
  return result.rows;
}

/** A random point inside a grid; `seed` makes it repeatable (ST_GeneratePoints' seed). */
export async function pointInGrid(
  pool: pg.Pool,
  gridCode: string,
  seed: number,
): Promise<[number, number]> {
  const result = await pool.query<{ lng: number; lat: number }>(
    `SELECT ST_X(p.geom) AS lng, ST_Y(p.geom) AS lat
       FROM grids g, LATERAL ST_Dump(ST_GeneratePoints(g.geom, 1, $2)) AS p
      WHERE g.code = $1`,
    [gridCode, seed],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`no point in grid ${gridCode}`);
  return [row.lng, row.lat];
}

/**
 * Up to `limit` open incidents that the simulator reported itself (people's own reports are
 * left to people) since `since`, unchanged since `before`, in random order.
 */
export async function openIncidents(
  pool: pg.Pool,
  options: { actor: string; since: Date; before: Date; limit: number },
): Promise<OpenIncident[]> {
  const result = await pool.query<{
    code: string;
    status: IncidentStatus;
    assignee_id: string | null;
    fallback: string | null;
    updated_at: Date;
  }>(
    `SELECT i.code, i.status, i.assignee_id, coalesce(i.updated_at, i.reported_at) AS updated_at,
            (SELECT m.id FROM grid_members m WHERE m.community_code = i.community_code
              ORDER BY m.on_duty DESC, m.id LIMIT 1) AS fallback
       FROM incidents i
      WHERE i.status IN ('reported', 'accepted', 'dispatched', 'in_progress', 'resolved', 'verified')
        AND i.reported_at >= $2 AND coalesce(i.updated_at, i.reported_at) <= $3
        AND EXISTS (SELECT 1 FROM incident_events e
                     WHERE e.incident_id = i.id AND e.type = 'report' AND e.actor = $1)
      ORDER BY random() LIMIT $4`,
    [options.actor, options.since.toISOString(), options.before.toISOString(), options.limit],
  );
  return result.rows.map((r) => ({
    code: r.code,
    status: r.status,
    assigneeId: r.assignee_id ?? r.fallback,
    updatedAt: r.updated_at,
  }));
}

/** A patrolling member: where their grid is and the roads within `radiusM` of it. */
export interface PatrolArea {
  memberId: string;
  home: [number, number];
  roads: RoadLine[];
}

/**
 * `count` on-duty members (full- and part-time grid members first: they patrol), chosen by
 * `seed`, each with a point of their first grid and the roads near it.
 */
export async function patrolAreas(
  pool: pg.Pool,
  options: { count: number; seed: number; radiusM: number },
): Promise<PatrolArea[]> {
  const result = await pool.query<{
    id: string;
    lng: number;
    lat: number;
    roads: RoadLine[] | null;
  }>(
    `WITH chosen AS (
       SELECT m.id, (SELECT ST_PointOnSurface(g.geom) FROM grid_member_grids mg
                       JOIN grids g ON g.code = mg.grid_code
                      WHERE mg.member_id = m.id ORDER BY g.code LIMIT 1) AS home
         FROM grid_members m
        WHERE m.on_duty
        ORDER BY m.role IN ('full_time', 'part_time') DESC, md5(m.id || $2::text)
        LIMIT $1)
     SELECT c.id, ST_X(c.home) AS lng, ST_Y(c.home) AS lat,
            (SELECT json_agg(ST_AsGeoJSON(r.geom)::json -> 'coordinates' ORDER BY r.id)
               FROM roads r
              WHERE r.geom && ST_Expand(c.home, $3::float8 / 80000)
                AND ST_DWithin(r.geom::geography, c.home::geography, $3::float8)) AS roads
       FROM chosen c
      WHERE c.home IS NOT NULL`,
    [options.count, options.seed, options.radiusM],
  );
  return result.rows
    .filter((r) => r.roads !== null && r.roads.length > 0)
    .map((r) => ({ memberId: r.id, home: [r.lng, r.lat], roads: r.roads ?? [] }));
}
