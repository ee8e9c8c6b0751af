import type { SlaClock } from '../../api/contract/incidents';
import type { IotAlarmType } from '../../api/contract/iot';
import type { LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type {
  AdminLevel,
  CameraKind,
  CameraStatus,
  CommunityKind,
  EscalationLevel,
  GridKind,
  IncidentCategory,
  IncidentSource,
  IncidentStatus,
  MemberRole,
  RoadClass,
  ServiceCategory,
  Severity,
} from '../../api/contract/codes';

/**
 * One row per table, keyed by column name exactly as in migrations/ (0001_init.sql and the columns later files add).
 * Geometry is GeoJSON in WGS84 [lng, lat]; timestamps are ISO-8601 strings.
 */
export interface AdminAreaRow {
  code: string;
  name: string;
  level: AdminLevel;
  parent_code: string | null;
  kind: CommunityKind | null;
  geom: MultiPolygon;
}

export interface GridRow {
  code: string;
  name: string;
  community_code: string;
  street_code: string;
  kind: GridKind;
  households: number;
  population: number;
  shops: number;
  leader_id: string;
  geom: Polygon;
}

export interface GridMemberRow {
  id: string;
  name: string;
  role: MemberRole;
  phone: string;
  street_code: string;
  community_code: string;
  on_duty: boolean;
  geom: Point | null;
  position_at: string | null;
}

export interface GridMemberGridRow {
  member_id: string;
  grid_code: string;
}

export interface CameraRow {
  code: string;
  name: string;
  kind: CameraKind;
  street_code: string;
  heading: number;
  fov: number;
  range_m: number;
  status: CameraStatus;
  stream_url: string | null;
  geom: Point;
}

export interface ServicePointRow {
  code: string;
  name: string;
  category: ServiceCategory;
  street_code: string;
  community_code: string;
  capacity: number | null;
  opening_hours: string;
  geom: Point;
}

export interface IotDeviceRow {
  id: string;
  kind: IotAlarmType;
  name: string;
  community_code: string;
  geom: Point;
}

export interface BuildingRow {
  id: number;
  name: string;
  grid_code: string;
  street_code: string;
  floors: number;
  households: number;
  population: number;
  geom: Polygon;
}

export interface RoadRow {
  id: number;
  name: string;
  class: RoadClass;
  bridge: boolean;
  street_code: string;
  geom: LineString;
}

export interface WaterAreaRow {
  id: number;
  name: string;
  kind: 'river' | 'lake';
  geom: Polygon;
}

export interface IncidentRow {
  id: number;
  code: string;
  category: IncidentCategory;
  source: IncidentSource;
  severity: Severity;
  description: string;
  address: string;
  status: IncidentStatus;
  escalation_level: EscalationLevel;
  grid_code: string;
  community_code: string;
  street_code: string;
  assignee_id: string | null;
  duplicate_of: number | null;
  reported_at: string;
  accept_deadline: string;
  on_site_deadline: string | null;
  resolve_deadline: string;
  closed_at: string | null;
  overdue: boolean;
  overdue_clocks: SlaClock[];
  started_at: string | null;
  satisfaction: number | null;
  version: number;
  updated_at: string;
  geom: Point;
}

/** An `incident_events` row as the live write path stores it (`api/db/events.ts`). */
export interface IncidentEventRow {
  topic: 'incidents';
  incident_id: number;
  subject: string;
  scope_code: string;
  street_code: string;
  type: string;
  from_status: IncidentStatus | null;
  to_status: IncidentStatus | null;
  actor: string;
  note: string | null;
  at: string;
  alert: boolean;
  payload: Record<string, unknown>;
}

/** Rows in foreign-key order: a table's rows never refer to a table later in this list. */
export interface TableRows {
  admin_areas: AdminAreaRow;
  grid_members: GridMemberRow;
  grids: GridRow;
  grid_member_grids: GridMemberGridRow;
  water_areas: WaterAreaRow;
  roads: RoadRow;
  buildings: BuildingRow;
  cameras: CameraRow;
  service_points: ServicePointRow;
  iot_devices: IotDeviceRow;
  incidents: IncidentRow;
  incident_events: IncidentEventRow;
}

export type TableName = keyof TableRows;

export const TABLE_ORDER: readonly TableName[] = [
  'admin_areas',
  'grid_members',
  'grids',
  'grid_member_grids',
  'water_areas',
  'roads',
  'buildings',
  'cameras',
  'service_points',
  'iot_devices',
  'incidents',
  'incident_events',
];

/** A chunk of rows of one table, as the generator streams them. */
export type RowBatch = { [T in TableName]: { table: T; rows: TableRows[T][] } }[TableName];
