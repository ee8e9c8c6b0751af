import type { IncidentCategory, IncidentStatus } from '../contract/codes';
import { DROPPED_STATUSES } from '../contract/statuses';
import type pg from 'pg';
import type { NamedArea, RoadSegment } from '../domain/address-match';
import type { ScopedClient } from './scoped';

/**
 * Where a new incident belongs and who answers it: the grid by point-in-polygon (nearest grid
 * for a point on a boundary road), a point for an address, the on-duty member responsible for
 * the grid, and recent incidents of the same kind close by.
 */

export interface GridPlace {
  gridCode: string;
  communityCode: string;
  streetCode: string;
  /** 0 inside the grid; otherwise how far the point lies from it (on a road between grids). */
  distanceM: number;
}

/** A `locate_grid` row as the database returns it. */
interface GridPlaceRow {
  grid_code: string;
  community_code: string;
  street_code: string;
  distance_m: number;
}

const gridPlaceOf = (row: GridPlaceRow): GridPlace => ({
  gridCode: row.grid_code,
  communityCode: row.community_code,
  streetCode: row.street_code,
  distanceM: row.distance_m,
});

/** The grid of a point, whatever the caller's scope; null outside the district. */
export async function locateGrid(
  client: ScopedClient,
  lng: number,
  lat: number,
): Promise<GridPlace | null> {
  const result = await client.query<GridPlaceRow>('SELECT * FROM locate_grid($1, $2)', [lng, lat]);
  const row = result.rows[0];
  return row ? gridPlaceOf(row) : null;
}

/** The grids of several points at once (`locate_grid` for each), in order; null outside. */
export async function locateGrids(
  client: ScopedClient | pg.Pool,
  points: readonly { lng: number; lat: number }[],
): Promise<(GridPlace | null)[]> {
  if (points.length === 0) return [];
  const result = await client.query<{ i: number; place: GridPlace | null }>(
    `SELECT p.i::int AS i, (SELECT json_build_object('gridCode', l.grid_code,
              'communityCode', l.community_code, 'streetCode', l.street_code,
              'distanceM', l.distance_m) FROM locate_grid(p.lng, p.lat) l) AS place
       FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(lng, lat, i) ORDER BY p.i`,
    [points.map((p) => p.lng), points.map((p) => p.lat)],
  );
  return result.rows.map((row) => row.place);
}

/**
 * The grids, communities, streets and road segments whose names `address` contains, for
 * `matchAddress` to decide on. Only places in the caller's scope are found: areas through
 * row-level security, road segments by the grid of their middle (`locate_grid`, which also
 * gives a boundary road's segment to the nearest grid).
 */
export async function addressPlaces(
  client: ScopedClient,
  address: string,
): Promise<{ areas: NamedArea[]; segments: RoadSegment[] }> {
  const areas = await client.query<NamedArea>(
    `WITH found AS (
       SELECT 'grid' AS level, g.code, g.name, g.community_code, g.street_code, g.geom
         FROM grids g WHERE length(g.name) >= 2 AND strpos($1, g.name) > 0
       UNION ALL
       SELECT a.level, a.code, a.name, CASE WHEN a.level = 'community' THEN a.code END,
              CASE WHEN a.level = 'street' THEN a.code ELSE a.parent_code END, a.geom
         FROM admin_areas a
        WHERE a.level IN ('street', 'community') AND length(a.name) >= 2 AND strpos($1, a.name) > 0)
     SELECT f.level, f.code, f.name, f.community_code AS "communityCode",
            c.name AS "communityName", f.street_code AS "streetCode",
            ST_X(ST_PointOnSurface(f.geom)) AS lng, ST_Y(ST_PointOnSurface(f.geom)) AS lat
       FROM found f LEFT JOIN admin_areas c ON c.code = f.community_code
      ORDER BY f.code`,
    [address],
  );
  const segments = await client.query<RoadSegment>(
    `WITH found AS (
       SELECT r.id, r.name, r.geom, ST_LineInterpolatePoint(r.geom, 0.5) AS mid
         FROM roads r WHERE length(r.name) >= 2 AND strpos($1, r.name) > 0)
     SELECT f.name, ST_X(f.mid) AS lng, ST_Y(f.mid) AS lat, g.code AS "gridCode",
            g.community_code AS "communityCode", c.name AS "communityName",
            g.street_code AS "streetCode",
            json_build_array(ST_XMin(f.geom), ST_YMin(f.geom), ST_XMax(f.geom), ST_YMax(f.geom))
              AS bbox
       FROM found f
       CROSS JOIN LATERAL locate_grid(ST_X(f.mid), ST_Y(f.mid)) l
       JOIN grids g ON g.code = l.grid_code
       JOIN admin_areas c ON c.code = g.community_code
      ORDER BY f.id`,
    [address],
  );
  return { areas: areas.rows, segments: segments.rows };
}

/**
 * The member who answers for a grid now: an on-duty member assigned to it, the full-time grid
 * member first, then part-time, the grid leader, professionals and helpers; null when nobody
 * assigned to the grid is on duty.
 */
export async function responsibleMember(
  client: ScopedClient,
  gridCode: string,
): Promise<string | null> {
  const result = await client.query<{ id: string }>(`${responsibleMemberSql('$1')}`, [gridCode]);
  return result.rows[0]?.id ?? null;
}

/** The query behind `responsibleMember`, for the grid `gridRef` (a parameter or a column). */
function responsibleMemberSql(gridRef: string): string {
  return `SELECT m.id FROM grid_member_grids mg JOIN grid_members m ON m.id = mg.member_id
      WHERE mg.grid_code = ${gridRef} AND m.on_duty
      ORDER BY array_position(ARRAY['full_time', 'part_time', 'leader', 'professional', 'helper'],
                              m.role), m.id
      LIMIT 1`;
}

/** True when the member exists and the caller can see it. */
export async function memberVisible(client: ScopedClient, memberId: string): Promise<boolean> {
  const result = await client.query('SELECT 1 FROM grid_members WHERE id = $1', [memberId]);
  return result.rowCount === 1;
}

export interface DuplicateCandidate {
  code: string;
  status: IncidentStatus;
  distanceM: number;
  reportedAt: Date;
  description: string;
}

export interface DuplicateWindow {
  radiusM: number;
  hours: number;
}

/** What a duplicate search looks for: the new report's kind, point and time. */
export interface DuplicateQuery {
  category: IncidentCategory;
  lng: number;
  lat: number;
  at: Date;
  exceptCode?: string;
}

/**
 * Live incidents of the same category within `radiusM` metres reported in the `hours` before
 * `at` (rejected and merged ones excluded), nearest first.
 */
export async function probableDuplicates(
  client: ScopedClient,
  input: DuplicateQuery,
  window: DuplicateWindow,
): Promise<DuplicateCandidate[]> {
  const result = await client.query<DuplicateRow>(duplicatesSql(1), duplicateParams(input, window));
  return result.rows.map(toCandidate);
}

interface DuplicateRow {
  code: string;
  status: IncidentStatus;
  distance_m: number;
  reported_at: Date;
  description: string;
}

function toCandidate(r: DuplicateRow): DuplicateCandidate {
  return {
    code: r.code,
    status: r.status,
    distanceM: Math.round(r.distance_m * 10) / 10,
    reportedAt: r.reported_at,
    description: r.description,
  };
}

/**
 * The duplicate search with its ten parameters numbered from `$first` (see `duplicateParams`).
 * The bounding-box prefilter keeps the GiST index in play; the exact test is on the sphere.
 */
function duplicatesSql(first: number): string {
  const $ = (n: number) => `$${first + n - 1}`;
  return `WITH pt AS (SELECT ST_SetSRID(ST_MakePoint(${$(2)}, ${$(3)}), 4326) AS geom)
     SELECT i.code, i.status, i.reported_at, i.description,
            ST_Distance(i.geom::geography, pt.geom::geography) AS distance_m
       FROM incidents i, pt
      WHERE i.category = ${$(1)}
        AND i.geom && ST_MakeEnvelope(${$(2)} - ${$(4)}, ${$(3)} - ${$(5)}, ${$(2)} + ${$(4)}, ${$(3)} + ${$(5)}, 4326)
        AND i.reported_at > ${$(6)}::timestamptz - make_interval(hours => ${$(7)})
        AND i.reported_at <= ${$(6)}::timestamptz
        AND i.status <> ALL (${$(10)}::text[])
        AND i.code IS DISTINCT FROM ${$(8)}
        AND ST_DWithin(i.geom::geography, pt.geom::geography, ${$(9)})
      ORDER BY distance_m, i.reported_at DESC
      LIMIT 10`;
}

function duplicateParams(input: DuplicateQuery, window: DuplicateWindow): unknown[] {
  // Degrees of latitude per metre; longitude degrees are wider apart by 1/cos(lat).
  const dLat = window.radiusM / 111_000;
  const dLng = dLat / Math.max(0.1, Math.cos((input.lat * Math.PI) / 180));
  return [
    input.category,
    input.lng,
    input.lat,
    dLng,
    dLat,
    input.at.toISOString(),
    window.hours,
    input.exceptCode ?? null,
    window.radiusM,
    DROPPED_STATUSES,
  ];
}

/** Where a new report goes, who answers it, its code and its probable duplicates. */
export interface NewIncidentPlace extends GridPlace {
  /** The code drawn for the report (a refused report leaves it unused: codes may have gaps). */
  code: string;
  assigneeId: string | null;
  duplicates: DuplicateCandidate[];
}

/**
 * Everything a new report needs from the database before its row is written, in one statement:
 * its grid (`locate_grid`), the responsible on-duty member, a code for the China day `day`
 * (`next_incident_code`) and the probable duplicates; null outside the district.
 */
export async function placeNewIncident(
  client: ScopedClient,
  input: DuplicateQuery & { day: string },
  window: DuplicateWindow,
): Promise<NewIncidentPlace | null> {
  const result = await client.query<
    GridPlaceRow & {
      code: string;
      assignee_id: string | null;
      duplicates: (Omit<DuplicateRow, 'reported_at'> & { reported_ms: number })[];
    }
  >(
    `WITH place AS (SELECT * FROM locate_grid($2, $3) LIMIT 1)
     SELECT p.grid_code, p.community_code, p.street_code, p.distance_m,
            next_incident_code($11) AS code,
            (${responsibleMemberSql('p.grid_code')}) AS assignee_id,
            (SELECT coalesce(json_agg(json_build_object('code', d.code, 'status', d.status,
                      'description', d.description, 'distance_m', d.distance_m,
                      'reported_ms', floor(extract(epoch FROM d.reported_at) * 1000))
                      ORDER BY d.distance_m, d.reported_at DESC), '[]')
               FROM (${duplicatesSql(1)}) d)
              AS duplicates
       FROM place p`,
    [...duplicateParams(input, window), input.day],
  );
  const row = result.rows[0];
  if (!row) return null;
  return {
    ...gridPlaceOf(row),
    code: row.code,
    assigneeId: row.assignee_id,
    duplicates: row.duplicates.map((d) =>
      toCandidate({ ...d, reported_at: new Date(d.reported_ms) }),
    ),
  };
}
