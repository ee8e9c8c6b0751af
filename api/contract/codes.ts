/**
 * Code lists shared by the database schema, the generator, the API and the web app.
 * The database enforces the same lists with CHECK constraints (migrations/0001_init.sql);
 * a test keeps the two in step.
 */

export const ADMIN_LEVELS = ['district', 'street', 'community'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];

/** A community is urban (社区) or a village (村). */
export const COMMUNITY_KINDS = ['urban', 'village'] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

export const GRID_KINDS = ['residential', 'shop', 'village'] as const;
export type GridKind = (typeof GRID_KINDS)[number];

/** The "1+1+Z+N" staffing: leader, grid member (full- or part-time), professional, helper. */
export const MEMBER_ROLES = ['leader', 'full_time', 'part_time', 'professional', 'helper'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const CAMERA_KINDS = [
  'skynet',
  'e_police',
  'checkpoint',
  'parking',
  'high_point',
  'community',
] as const;
export type CameraKind = (typeof CAMERA_KINDS)[number];

export const CAMERA_STATUSES = ['online', 'offline', 'fault'] as const;
export type CameraStatus = (typeof CAMERA_STATUSES)[number];

export const SERVICE_CATEGORIES = [
  'party_service_center',
  'health_center',
  'health_station',
  'elderly_care',
  'elderly_canteen',
  'nursery',
  'kindergarten',
  'primary_school',
  'middle_school',
  'supermarket',
  'convenience_store',
  'breakfast',
  'pharmacy',
  'parcel_station',
  'fire_station',
  'first_aid',
  'police_room',
  'mediation_center',
  'culture_center',
  'fitness',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/**
 * Road classes, major first: lattice roads by the boundary they run along, then `path` for the
 * lanes and footpaths inside residential compounds and villages (小区内部道路、步行道).
 */
export const ROAD_CLASSES = ['arterial', 'street', 'alley', 'path'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

/** GB/T 30428 event classes plus the governance classes used by the grid system. */
export const INCIDENT_CATEGORIES = [
  'city_appearance',
  'advertising',
  'construction',
  'emergency',
  'street_order',
  'public_facility',
  'dispute',
  'public_security',
  'safety_hazard',
  'livelihood',
  'special_care',
  'urgent_help',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const INCIDENT_SOURCES = ['resident_app', 'hotline', 'patrol', 'iot', 'video'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const INCIDENT_STATUSES = [
  'reported',
  'accepted',
  'dispatched',
  'in_progress',
  'resolved',
  'verified',
  'closed',
  'rejected',
  'merged',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const ESCALATION_LEVELS = ['grid', 'community', 'street', 'district'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const USER_ROLES = [
  'admin',
  'commander',
  'operator',
  'grid_member',
  'planner',
  'display',
  'api_consumer',
] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const SEED_SCALES = ['small', 'district', 'city'] as const;
export type SeedScale = (typeof SEED_SCALES)[number];

/** Types of rows in the incident event log (the audit log and the live stream's outbox). */
export const INCIDENT_EVENT_TYPES = [
  'report',
  'accept',
  'dispatch',
  'start',
  'resolve',
  'verify',
  'close',
  'reject',
  'merge',
  'escalate',
  'reopen',
  'rate',
  'absorb',
  'accept_overdue',
  'on_site_overdue',
  'resolve_overdue',
  'alarm_repeat',
  'position',
  'duty',
  'camera_status',
] as const;
export type IncidentEventType = (typeof INCIDENT_EVENT_TYPES)[number];
