import type { CameraKind, CameraStatus, MemberRole } from '../contract/codes';
import type { ScopedClient } from './scoped';

/**
 * Cameras and on-duty members nearest to a point, found by a KNN walk of the GiST index
 * (`ORDER BY geom <-> point LIMIT n`).
 *
 * `<->` on geometry orders by planar degrees, and here a degree of longitude is only about 0.8 of
 * a degree of latitude on the ground, so the walk takes `CANDIDATES_PER_RESULT` times as many rows
 * as asked for and re-orders those few by metres: `ST_Distance` on geography with `use_spheroid`
 * false, i.e. on the sphere of mean earth radius that turf (api/domain/view-cone.ts) uses too, so
 * a camera's `distanceM` and its range check agree. A row can be missed only if more than that
 * many rows lie nearer in degrees yet farther in metres — with four times the answer, only in
 * very lopsided surroundings.
 *
 * The point is written into each `<->` expression (a constant once the parameters are bound):
 * the index can order by the distance to a constant, not to a column of another relation (a
 * `WITH pt AS (…)` point joined in made the planner read and sort the whole table).
 */
const CANDIDATES_PER_RESULT = 4;

/** The incident's position as SQL over parameters $1 (lng) and $2 (lat). */
const POINT = 'ST_SetSRID(ST_MakePoint($1, $2), 4326)';

/**
 * Runs the KNN statements with sequential scans priced out. Under row-level security the
 * planner assumes the scope policy keeps 0.5 % of rows (its default for LIKE against a pattern
 * known only at run time), so it prices walking the index above reading the whole table and
 * sorting it (district scale: about 10 ms against 0.3 ms for 7,000 cameras). The incident lies
 * inside the caller's scope, so the walk meets visible rows at once. The setting is restored
 * before anything else runs in the transaction. (`enable_sort = off` would do too but inflates
 * every plan's cost past `jit_above_cost`: 300 ms of JIT compilation on a server.)
 */
async function withIndexWalk<T>(client: ScopedClient, work: () => Promise<T>): Promise<T> {
  const before = await client.query<{ value: string }>(
    "SELECT current_setting('enable_seqscan') AS value, set_config('enable_seqscan', 'off', true)",
  );
  try {
    return await work();
  } finally {
    // After a failed statement the transaction is aborted and rolls back anyway: keep its error.
    await client
      .query("SELECT set_config('enable_seqscan', $1, true)", [before.rows[0]!.value])
      .catch(() => undefined);
  }
}

/** What `findNearby` should list. */
export interface NearbyWanted {
  cameras: boolean;
  members: boolean;
  /** How many of each. */
  limit: number;
}

/** The cameras and on-duty members nearest to `at` that the caller can see, nearest first. */
export async function findNearby(
  client: ScopedClient,
  at: { lng: number; lat: number },
  wanted: NearbyWanted,
): Promise<{ cameras: CameraRow[]; members: MemberRow[] }> {
  return withIndexWalk(client, async () => ({
    cameras: wanted.cameras ? await nearestCameras(client, at, wanted.limit) : [],
    members: wanted.members ? await nearestOnDutyMembers(client, at, wanted.limit) : [],
  }));
}

export interface CameraRow {
  code: string;
  name: string;
  kind: CameraKind;
  status: CameraStatus;
  lng: number;
  lat: number;
  heading: number;
  fov: number;
  rangeM: number;
  streamUrl: string | null;
  distanceM: number;
}

async function nearestCameras(
  client: ScopedClient,
  at: { lng: number; lat: number },
  limit: number,
): Promise<CameraRow[]> {
  const result = await client.query<{
    code: string;
    name: string;
    kind: CameraKind;
    status: CameraStatus;
    lng: number;
    lat: number;
    heading: number;
    fov: number;
    range_m: number;
    stream_url: string | null;
    distance_m: number;
  }>(
    `WITH candidates AS (
       SELECT c.code, c.name, c.kind, c.status, c.heading, c.fov, c.range_m, c.stream_url, c.geom
         FROM cameras c ORDER BY c.geom <-> ${POINT} LIMIT $3)
     SELECT c.code, c.name, c.kind, c.status, ST_X(c.geom) AS lng, ST_Y(c.geom) AS lat,
            c.heading, c.fov, c.range_m, c.stream_url,
            ST_Distance(c.geom::geography, ${POINT}::geography, false) AS distance_m
       FROM candidates c
      ORDER BY distance_m, c.code
      LIMIT $4`,
    [at.lng, at.lat, limit * CANDIDATES_PER_RESULT, limit],
  );
  return result.rows.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    status: r.status,
    lng: r.lng,
    lat: r.lat,
    heading: r.heading,
    fov: r.fov,
    rangeM: r.range_m,
    streamUrl: r.stream_url,
    distanceM: r.distance_m,
  }));
}

export interface MemberRow {
  id: string;
  name: string;
  role: MemberRole;
  lng: number;
  lat: number;
  distanceM: number;
  positionAt: string;
}

/**
 * On-duty members with a known position. Members
 * without a position sort last in the walk (`<->` gives NULL) and are dropped after it: a
 * `geom IS NOT NULL` condition inside would tempt the planner to a bitmap scan and a sort.
 */
async function nearestOnDutyMembers(
  client: ScopedClient,
  at: { lng: number; lat: number },
  limit: number,
): Promise<MemberRow[]> {
  const result = await client.query<{
    id: string;
    name: string;
    role: MemberRole;
    lng: number;
    lat: number;
    distance_m: number;
    position_at: Date;
  }>(
    `WITH candidates AS (
       SELECT m.id, m.name, m.role, m.geom, m.position_at FROM grid_members m
        WHERE m.on_duty
        ORDER BY m.geom <-> ${POINT} LIMIT $3)
     SELECT m.id, m.name, m.role, ST_X(m.geom) AS lng, ST_Y(m.geom) AS lat, m.position_at,
            ST_Distance(m.geom::geography, ${POINT}::geography, false) AS distance_m
       FROM candidates m
      WHERE m.geom IS NOT NULL
      ORDER BY distance_m, m.id
      LIMIT $4`,
    [at.lng, at.lat, limit * CANDIDATES_PER_RESULT, limit],
  );
  return result.rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    lng: r.lng,
    lat: r.lat,
    distanceM: r.distance_m,
    positionAt: r.position_at.toISOString(),
  }));
}
