import { z } from 'zod';
import {
  ESCALATION_LEVELS,
  INCIDENT_CATEGORIES,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  SEVERITIES,
} from './codes';
import { INCIDENT_ACTIONS, IncidentCodeSchema, SLA_CLOCKS } from './incidents';

/**
 * Incidents on the wire: the body of `POST /api/v1/incidents`, the incident as the API returns
 * it, and its timeline. Open311 and IoT alarms are façades that build the same creation input.
 */

const Lng = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);

/** A GeoJSON Point, `[lng, lat]` in WGS84. */
export const PointSchema = z
  .object({
    type: z.literal('Point'),
    coordinates: z.tuple([Lng, Lat]),
  })
  .meta({ description: '位置 GeoJSON Point, [lng, lat] WGS84' });

/** Body of `POST /api/v1/incidents`. Either `location` or `address` is required. */
export const CreateIncidentSchema = z
  .object({
    category: z
      .enum(INCIDENT_CATEGORIES)
      .meta({ description: '事件类别 (= Open311 service_code)' }),
    description: z.string().trim().min(1, 'describe what happened').max(4000),
    location: PointSchema.optional(),
    address: z.string().trim().min(1).max(500).optional().meta({
      description:
        '地址 Address; resolved against the district gazetteer when no location is given',
    }),
    source: z.enum(INCIDENT_SOURCES).default('resident_app'),
    severity: z.enum(SEVERITIES).default('medium'),
    photoUrls: z
      .array(z.url({ protocol: /^https?$/ }).max(2000))
      .max(9)
      .default([])
      .meta({ description: '照片 Photo URLs (up to 9)' }),
    reporter: z
      .object({
        name: z.string().trim().min(1).max(100).optional(),
        contact: z.string().trim().min(1).max(100).optional(),
      })
      .strict()
      .optional()
      .meta({ description: '上报人 Reporter; the contact is masked for most roles' }),
  })
  .strict()
  .refine((body) => body.location !== undefined || body.address !== undefined, {
    message: 'give a location (GeoJSON Point) or an address',
    path: ['location'],
  });
export type CreateIncident = z.infer<typeof CreateIncidentSchema>;

const Time = z.iso.datetime();

/** An incident as `GET /api/v1/incidents/{code}` returns it (without the timeline). */
export const IncidentSchema = z.object({
  code: IncidentCodeSchema,
  category: z.enum(INCIDENT_CATEGORIES),
  source: z.enum(INCIDENT_SOURCES),
  severity: z.enum(SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  escalationLevel: z.enum(ESCALATION_LEVELS),
  description: z.string(),
  address: z.string(),
  location: PointSchema,
  gridCode: z.string(),
  communityCode: z.string(),
  streetCode: z.string(),
  assigneeId: z.string().nullable(),
  duplicateOf: IncidentCodeSchema.nullable(),
  reportedAt: Time,
  acceptDeadline: Time,
  onSiteDeadline: Time.nullable(),
  resolveDeadline: Time,
  startedAt: Time.nullable(),
  closedAt: Time.nullable(),
  overdue: z.boolean(),
  overdueClocks: z.array(z.enum(SLA_CLOCKS)),
  satisfaction: z.number().int().min(1).max(5).nullable(),
  photoUrls: z.array(z.string()),
  reporter: z.object({ name: z.string().nullable(), contact: z.string().nullable() }),
  deviceId: z.string().nullable(),
  version: z.number().int().min(1),
  /** The actions the caller may take now (what a client should offer as buttons). */
  allowedActions: z.array(z.enum(INCIDENT_ACTIONS)),
});
export type Incident = z.infer<typeof IncidentSchema>;

/** One entry of an incident's timeline (`incident_events`). */
export const TimelineEventSchema = z.object({
  seq: z.number().int(),
  /** The incident the event belongs to: this one, or one merged into it. */
  incident: IncidentCodeSchema,
  type: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actor: z.string(),
  note: z.string().nullable(),
  at: Time,
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/** An incident of the same category reported close by and recently: probably the same case. */
export const ProbableDuplicateSchema = z.object({
  code: IncidentCodeSchema,
  status: z.enum(INCIDENT_STATUSES),
  distanceM: z.number(),
  reportedAt: Time,
  description: z.string(),
});
export type ProbableDuplicate = z.infer<typeof ProbableDuplicateSchema>;

/** `GET /api/v1/incidents/{code}`: the incident with its full timeline. */
export const IncidentDetailSchema = IncidentSchema.extend({
  timeline: z.array(TimelineEventSchema),
});
export type IncidentDetail = z.infer<typeof IncidentDetailSchema>;

/** `POST /api/v1/incidents` → 201 (created) or 200 (a repeat of the same Idempotency-Key). */
export const CreatedIncidentSchema = z.object({
  incident: IncidentDetailSchema,
  probableDuplicates: z.array(ProbableDuplicateSchema),
});
export type CreatedIncident = z.infer<typeof CreatedIncidentSchema>;
