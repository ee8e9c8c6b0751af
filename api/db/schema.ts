import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import { geometry } from './geometry';
import { timestamptz } from './timestamp';

/*
 * drizzle-orm mirror of migrations/*.sql, for typed queries in repositories. The SQL files are
 * the source of truth; tests/integration/db/schema.test.ts fails when the two drift apart.
 */

const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity();

export const adminAreas = pgTable('admin_areas', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  parentCode: text('parent_code'),
  kind: text('kind'),
  geom: geometry('geom', { type: 'MultiPolygon' }).notNull(),
});

export const gridMembers = pgTable('grid_members', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  phone: text('phone').notNull(),
  streetCode: text('street_code').notNull(),
  communityCode: text('community_code').notNull(),
  onDuty: boolean('on_duty').notNull().default(false),
  geom: geometry('geom', { type: 'Point' }),
  positionAt: timestamptz('position_at'),
});

export const grids = pgTable('grids', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  communityCode: text('community_code').notNull(),
  streetCode: text('street_code').notNull(),
  kind: text('kind').notNull(),
  households: integer('households').notNull().default(0),
  population: integer('population').notNull().default(0),
  shops: integer('shops').notNull().default(0),
  leaderId: text('leader_id'),
  geom: geometry('geom', { type: 'Polygon' }).notNull(),
});

export const gridMemberGrids = pgTable(
  'grid_member_grids',
  { memberId: text('member_id').notNull(), gridCode: text('grid_code').notNull() },
  (t) => [primaryKey({ columns: [t.memberId, t.gridCode] })],
);

export const waterAreas = pgTable('water_areas', {
  id: id(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  geom: geometry('geom', { type: 'Polygon' }).notNull(),
});

export const roads = pgTable('roads', {
  id: id(),
  name: text('name').notNull(),
  class: text('class').notNull(),
  bridge: boolean('bridge').notNull().default(false),
  streetCode: text('street_code').notNull(),
  geom: geometry('geom', { type: 'LineString' }).notNull(),
});

export const buildings = pgTable('buildings', {
  id: id(),
  name: text('name').notNull(),
  gridCode: text('grid_code').notNull(),
  streetCode: text('street_code').notNull(),
  floors: integer('floors').notNull(),
  households: integer('households').notNull(),
  population: integer('population').notNull(),
  geom: geometry('geom', { type: 'Polygon' }).notNull(),
});

export const cameras = pgTable('cameras', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  streetCode: text('street_code').notNull(),
  heading: doublePrecision('heading').notNull(),
  fov: doublePrecision('fov').notNull(),
  rangeM: doublePrecision('range_m').notNull(),
  status: text('status').notNull(),
  streamUrl: text('stream_url'),
  geom: geometry('geom', { type: 'Point' }).notNull(),
  communityCode: text('community_code'),
});

export const servicePoints = pgTable('service_points', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  streetCode: text('street_code').notNull(),
  communityCode: text('community_code').notNull(),
  capacity: integer('capacity'),
  openingHours: text('opening_hours').notNull().default(''),
  geom: geometry('geom', { type: 'Point' }).notNull(),
});

export const incidents = pgTable('incidents', {
  id: id(),
  code: text('code').notNull().unique(),
  category: text('category').notNull(),
  source: text('source').notNull(),
  severity: text('severity').notNull(),
  description: text('description').notNull().default(''),
  address: text('address').notNull().default(''),
  status: text('status').notNull(),
  escalationLevel: text('escalation_level').notNull().default('grid'),
  gridCode: text('grid_code').notNull(),
  communityCode: text('community_code').notNull(),
  streetCode: text('street_code').notNull(),
  assigneeId: text('assignee_id'),
  duplicateOf: bigint('duplicate_of', { mode: 'number' }),
  reportedAt: timestamptz('reported_at').notNull(),
  acceptDeadline: timestamptz('accept_deadline').notNull(),
  resolveDeadline: timestamptz('resolve_deadline').notNull(),
  closedAt: timestamptz('closed_at'),
  overdue: boolean('overdue').notNull().default(false),
  satisfaction: smallint('satisfaction'),
  version: integer('version').notNull().default(1),
  geom: geometry('geom', { type: 'Point' }).notNull(),
  onSiteDeadline: timestamptz('on_site_deadline'),
  startedAt: timestamptz('started_at'),
  overdueClocks: text('overdue_clocks').array().notNull().default([]),
  photoUrls: text('photo_urls').array().notNull().default([]),
  reporterName: text('reporter_name'),
  reporterContact: text('reporter_contact'),
  deviceId: text('device_id'),
  alarmType: text('alarm_type'),
  updatedAt: timestamptz('updated_at'),
});

export const incidentEvents = pgTable('incident_events', {
  seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  incidentId: bigint('incident_id', { mode: 'number' }),
  streetCode: text('street_code').notNull(),
  type: text('type').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  actor: text('actor').notNull(),
  note: text('note'),
  at: timestamptz('at').notNull(),
  topic: text('topic').notNull().default('incidents'),
  subject: text('subject').notNull(),
  scopeCode: text('scope_code').notNull(),
  alert: boolean('alert').notNull().default(false),
  payload: jsonb('payload').notNull().default({}),
});

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  scopes: text('scopes').array().notNull().default([]),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamptz('created_at')
    .notNull()
    .default(sql`now()`),
  createdBy: text('created_by').notNull().default('system'),
  updatedAt: timestamptz('updated_at')
    .notNull()
    .default(sql`now()`),
  memberId: text('member_id'),
});

export const apiKeys = pgTable('api_keys', {
  id: id(),
  prefix: text('prefix').notNull().unique(),
  secretHash: text('secret_hash').notNull(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  scopes: text('scopes').array().notNull().default([]),
  createdAt: timestamptz('created_at')
    .notNull()
    .default(sql`now()`),
  expiresAt: timestamptz('expires_at'),
  revokedAt: timestamptz('revoked_at'),
  lastUsedAt: timestamptz('last_used_at'),
  createdBy: text('created_by').notNull().default('system'),
  memberId: text('member_id'),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: bigint('user_id', { mode: 'number' }),
  apiKeyId: bigint('api_key_id', { mode: 'number' }),
  createdAt: timestamptz('created_at')
    .notNull()
    .default(sql`now()`),
  expiresAt: timestamptz('expires_at').notNull(),
  revokedAt: timestamptz('revoked_at'),
});

export const auditLog = pgTable('audit_log', {
  seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: timestamptz('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  target: text('target').notNull(),
  detail: jsonb('detail').notNull().default({}),
  ip: text('ip'),
});

export const rateLimits = pgTable(
  'rate_limits',
  {
    bucket: text('bucket').notNull(),
    windowStart: timestamptz('window_start').notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })],
);

export const yipingMeta = pgTable('yiping_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamptz('updated_at')
    .notNull()
    .default(sql`now()`),
});
