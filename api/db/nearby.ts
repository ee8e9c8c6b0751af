import type { CameraKind, CameraStatus, MemberRole } from '../contract/codes';
import type { ScopedClient } from './scoped';

/**
 * Cameras and on-duty members nearest to a point, through the GiST index (KNN `<->`). KNN on
 * geometry orders by degrees, and a degree of longitude is shorter than one of latitude here,
 * so a few more candidates than asked for are taken and re-ordered by metres on the sphere.
 */

const CANDIDATES_PER_RESULT = 4;

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

export async function nearestCameras(
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
    `WITH pt AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS geom),
     candidates AS (
       SELECT c.* FROM cameras c, pt ORDER BY c.geom <-> pt.geom LIMIT $3)
     SELECT c.code, c.name, c.kind, c.status, ST_X(c.geom) AS lng, ST_Y(c.geom) AS lat,
            c.heading, c.fov, c.range_m, c.stream_url,
            ST_Distance(c.geom::geography, pt.geom::geography) AS distance_m
       FROM candidates c, pt
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

export async function nearestOnDutyMembers(
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
    `WITH pt AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS geom),
     candidates AS (
       SELECT m.id, m.name, m.role, m.geom, m.position_at FROM grid_members m, pt
        WHERE m.on_duty AND m.geom IS NOT NULL
        ORDER BY m.geom <-> pt.geom LIMIT $3)
     SELECT m.id, m.name, m.role, ST_X(m.geom) AS lng, ST_Y(m.geom) AS lat, m.position_at,
            ST_Distance(m.geom::geography, pt.geom::geography) AS distance_m
       FROM candidates m, pt
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
