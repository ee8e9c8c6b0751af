import { z } from 'zod';
import { CAMERA_KINDS, CAMERA_STATUSES, MEMBER_ROLES } from './codes';
import { IncidentCodeSchema } from './incidents';

/** What `GET /api/v1/incidents/{code}/nearby` can list. */
export const NEARBY_KINDS = ['camera', 'member'] as const;
export type NearbyKind = (typeof NEARBY_KINDS)[number];

/** A camera near an incident, and whether the incident lies in its view cone. */
export const NearbyCameraSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(CAMERA_KINDS),
  status: z.enum(CAMERA_STATUSES),
  lng: z.number(),
  lat: z.number(),
  distanceM: z.number().meta({ description: '距离 Metres from the incident' }),
  /** Compass bearing from the camera to the incident. */
  bearing: z.number(),
  heading: z.number(),
  fov: z.number(),
  rangeM: z.number(),
  inView: z.boolean().meta({
    description: '可视 The incident lies within heading ± fov/2 and the camera’s range',
  }),
  streamUrl: z.string().nullable(),
});
export type NearbyCamera = z.infer<typeof NearbyCameraSchema>;

/** An on-duty grid member near an incident (last reported position). */
export const NearbyMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(MEMBER_ROLES),
  lng: z.number(),
  lat: z.number(),
  distanceM: z.number(),
  positionAt: z.iso.datetime(),
});
export type NearbyMember = z.infer<typeof NearbyMemberSchema>;

export const NearbySchema = z.object({
  incident: z.object({ code: IncidentCodeSchema, lng: z.number(), lat: z.number() }),
  cameras: z.array(NearbyCameraSchema),
  members: z.array(NearbyMemberSchema),
});
export type Nearby = z.infer<typeof NearbySchema>;
