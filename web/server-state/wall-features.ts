import { pointOnFeature } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import type {
  CameraKind,
  CameraStatus,
  GridKind,
  IncidentCategory,
  IncidentStatus,
  MemberRole,
  ServiceCategory,
  Severity,
} from '../../api/contract/codes';
import type {
  AreaGeometry,
  CameraPoint,
  GridArea,
  IncidentPoint,
  LngLat,
  Member,
  ServicePoint,
} from '../domain/wall-data';

/** An OGC API Features item as the server sends it. */
export type Item = Feature<Geometry, Record<string, unknown>>;

/**
 * Converters from OGC items to the wall screen's records. The server validates what it stores
 * and the collections' schemas are ours, so values are read, not re-validated; a missing point
 * geometry is an error, because a record without a place cannot be drawn.
 */
function pointOf(item: Item): LngLat {
  if (item.geometry?.type !== 'Point') throw new TypeError(`item ${String(item.id)}: not a point`);
  const [lng, lat] = item.geometry.coordinates;
  return [lng ?? 0, lat ?? 0];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);
const time = (value: unknown): number => (typeof value === 'string' ? Date.parse(value) : NaN);
const timeOrNull = (value: unknown): number | null =>
  typeof value === 'string' ? Date.parse(value) : null;

/** Properties the wall screen asks for, per collection (`?properties=`). */
export const WALL_PROPERTIES = {
  grids: 'code,name,community_code,street_code,kind,households,population,leader_id',
  cameras: 'code,name,kind,status,street_code,community_code,heading,fov,range_m,stream_url',
  'service-points': 'code,name,category,street_code,community_code,capacity',
  members: 'id,name,role,street_code,community_code,on_duty,position_at,grid_codes',
  incidents:
    'code,category,severity,status,grid_code,community_code,street_code,reported_at,accept_deadline,resolve_deadline,closed_at,overdue',
} as const;

export function toGridArea(item: Item): GridArea {
  const p = item.properties;
  const geometry = item.geometry as AreaGeometry;
  const label = pointOnFeature({ type: 'Feature', geometry, properties: {} }).geometry.coordinates;
  return {
    code: text(p.code),
    name: text(p.name),
    communityCode: text(p.community_code),
    streetCode: text(p.street_code),
    kind: p.kind as GridKind,
    households: num(p.households),
    population: num(p.population),
    leaderId: textOrNull(p.leader_id),
    geometry,
    labelAt: [label[0] ?? 0, label[1] ?? 0],
  };
}

export function toCamera(item: Item): CameraPoint {
  const p = item.properties;
  const [lng, lat] = pointOf(item);
  return {
    code: text(p.code),
    name: text(p.name),
    kind: p.kind as CameraKind,
    status: p.status as CameraStatus,
    streetCode: text(p.street_code),
    communityCode: text(p.community_code),
    lng,
    lat,
    heading: num(p.heading),
    fov: num(p.fov),
    rangeM: num(p.range_m),
    streamUrl: textOrNull(p.stream_url),
  };
}

export function toServicePoint(item: Item): ServicePoint {
  const p = item.properties;
  const [lng, lat] = pointOf(item);
  return {
    code: text(p.code),
    name: text(p.name),
    category: p.category as ServiceCategory,
    streetCode: text(p.street_code),
    communityCode: text(p.community_code),
    capacity: typeof p.capacity === 'number' ? p.capacity : null,
    lng,
    lat,
  };
}

/** A member, with a position when they ever reported one. */
export function toMember(item: Item): Member {
  const p = item.properties;
  const [lng, lat] = item.geometry ? pointOf(item) : [null, null];
  return {
    id: text(p.id),
    name: text(p.name),
    role: p.role as MemberRole,
    streetCode: text(p.street_code),
    communityCode: text(p.community_code),
    onDuty: p.on_duty === true,
    gridCodes: Array.isArray(p.grid_codes) ? p.grid_codes.filter((c) => typeof c === 'string') : [],
    positionAt: timeOrNull(p.position_at),
    lng,
    lat,
  };
}

export function toIncident(item: Item): IncidentPoint {
  const p = item.properties;
  const [lng, lat] = pointOf(item);
  return {
    code: text(p.code),
    category: p.category as IncidentCategory,
    severity: p.severity as Severity,
    status: p.status as IncidentStatus,
    gridCode: text(p.grid_code),
    communityCode: text(p.community_code),
    streetCode: text(p.street_code),
    lng,
    lat,
    reportedAt: time(p.reported_at),
    acceptDeadline: time(p.accept_deadline),
    resolveDeadline: time(p.resolve_deadline),
    closedAt: timeOrNull(p.closed_at),
    overdue: p.overdue === true,
  };
}
