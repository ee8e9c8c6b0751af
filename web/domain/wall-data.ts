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
import { isOpenStatus } from '../../api/contract/statuses';

/** `[lng, lat]`, WGS84. */
export type LngLat = [number, number];

/** A polygon or multipolygon's coordinates as GeoJSON has them. */
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: LngLat[][] }
  | { type: 'MultiPolygon'; coordinates: LngLat[][][] };

/** A management grid (网格) with what its card and the choropleth need. */
export interface GridArea {
  code: string;
  name: string;
  communityCode: string;
  streetCode: string;
  kind: GridKind;
  households: number;
  population: number;
  leaderId: string | null;
  geometry: AreaGeometry;
  /** Where the grid's code label goes (a point inside the grid). */
  labelAt: LngLat;
}

/** A camera point with its view. */
export interface CameraPoint {
  code: string;
  name: string;
  kind: CameraKind;
  status: CameraStatus;
  streetCode: string;
  /** Null for a camera outside every community (filled from its position when stored). */
  communityCode: string | null;
  lng: number;
  lat: number;
  /** Degrees from north, the centre of the view. */
  heading: number;
  /** Field of view in degrees; 360 all around. */
  fov: number;
  rangeM: number;
  streamUrl: string | null;
}

/** A 15-minute life-circle service point. */
export interface ServicePoint {
  code: string;
  name: string;
  category: ServiceCategory;
  streetCode: string;
  communityCode: string;
  capacity: number | null;
  lng: number;
  lat: number;
}

/** A grid member's last known position (what the map draws). */
export interface MemberPoint {
  id: string;
  name: string;
  role: MemberRole;
  streetCode: string;
  communityCode: string;
  onDuty: boolean;
  /** Epoch milliseconds of the position; null when the member never reported one. */
  positionAt: number | null;
  lng: number;
  lat: number;
}

/**
 * A grid member, whether or not they ever reported a position: the cards and figures count
 * every member; the map draws those with a position.
 */
export interface Member extends Omit<MemberPoint, 'lng' | 'lat'> {
  /** The grids the member is assigned to (`grid_member_grids`), by code. */
  gridCodes: readonly string[];
  /** The last position; null when the member never reported one. */
  lng: number | null;
  lat: number | null;
}

/** True for a member who has reported a position. */
export function hasPosition(member: Member): member is Member & MemberPoint {
  return member.lng !== null && member.lat !== null;
}

/** The members assigned to a grid. */
export function membersOfGrid(members: readonly Member[], gridCode: string): Member[] {
  return members.filter((m) => m.gridCodes.includes(gridCode));
}

/** An incident as the wall screen holds it: enough for the map, the feed and the charts. */
export interface IncidentPoint {
  code: string;
  category: IncidentCategory;
  severity: Severity;
  status: IncidentStatus;
  gridCode: string;
  communityCode: string;
  streetCode: string;
  lng: number;
  lat: number;
  /** Epoch milliseconds. */
  reportedAt: number;
  acceptDeadline: number;
  resolveDeadline: number;
  closedAt: number | null;
  overdue: boolean;
}

/** True while an incident still needs handling (the contract's, and the overview's, "open"). */
export function isOpen(incident: Pick<IncidentPoint, 'status'>): boolean {
  return isOpenStatus(incident.status);
}
