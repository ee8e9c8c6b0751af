import { z } from 'zod';
import { CAMERA_KINDS, CAMERA_STATUSES, MEMBER_ROLES } from './codes';
import { IncidentCodeSchema } from './incidents';
import { queryNumber } from './query';

/** What `GET /api/v1/incidents/{code}/nearby` can list (`kinds`, comma-separated). */
export const NEARBY_KINDS = ['camera', 'member'] as const;
export type NearbyKind = (typeof NEARBY_KINDS)[number];

/** Query of `GET /api/v1/incidents/{code}/nearby`. */
export const NearbyQuerySchema = z.object({
  kinds: z
    .string()
    .default(NEARBY_KINDS.join(','))
    .transform((value) => value.split(',').map((k) => k.trim()))
    .pipe(
      z.array(
        z.enum(NEARBY_KINDS, {
          error: (issue) =>
            `unknown kind ${JSON.stringify(issue.input)}; kinds are ${NEARBY_KINDS.join(', ')}`,
        }),
      ),
    )
    .meta({ description: `Comma list of ${NEARBY_KINDS.join(', ')}; default both` }),
  limit: queryNumber(z.number().int().min(1).max(50))
    .default(5)
    .meta({ description: 'At most this many of each kind, 1–50; default 5' }),
});

/**
 * A camera near an incident, and whether the incident lies in its view cone: the compass
 * bearing from the camera to the incident within heading ± fov/2 (modulo 360°; a fov of 360°
 * sees all around) and the distance within the camera's range.
 */
export const NearbyCameraSchema = z.object({
  code: z.string().meta({ description: '摄像头编号 Camera code' }),
  name: z.string().meta({ description: '名称 Name' }),
  kind: z.enum(CAMERA_KINDS).meta({ description: '类型 Kind (skynet, e_police, …)' }),
  status: z.enum(CAMERA_STATUSES).meta({ description: '状态 online, offline or fault' }),
  lng: z.number().meta({ description: '经度 Longitude, WGS84' }),
  lat: z.number().meta({ description: '纬度 Latitude, WGS84' }),
  distanceM: z.number().meta({ description: '距离 Great-circle metres to the incident' }),
  bearing: z.number().meta({
    description: '方位角 Compass bearing from the camera to the incident, 0 ≤ b < 360',
  }),
  heading: z.number().meta({ description: '朝向 Centre of the view, degrees from north' }),
  fov: z.number().meta({ description: '视场角 Field of view in degrees; 360 all around' }),
  rangeM: z.number().meta({ description: '可视距离 How far the camera sees, metres' }),
  inView: z.boolean().meta({
    description: '可视 The incident lies within heading ± fov/2 and the camera’s range',
  }),
  streamUrl: z.string().nullable().meta({ description: '视频流 HLS stream URL, if any' }),
});
export type NearbyCamera = z.infer<typeof NearbyCameraSchema>;

/** An on-duty grid member near an incident, at the last reported position. */
export const NearbyMemberSchema = z.object({
  id: z.string().meta({ description: '网格员编号 Grid member id' }),
  name: z.string().meta({ description: '姓名 Name' }),
  role: z.enum(MEMBER_ROLES).meta({ description: '角色 Role (leader, full_time, …)' }),
  lng: z.number().meta({ description: '经度 Longitude of the last position, WGS84' }),
  lat: z.number().meta({ description: '纬度 Latitude of the last position, WGS84' }),
  distanceM: z.number().meta({ description: '距离 Great-circle metres to the incident' }),
  positionAt: z.iso.datetime().meta({ description: '定位时间 When that position was reported' }),
});
export type NearbyMember = z.infer<typeof NearbyMemberSchema>;

/**
 * Answer of `GET /api/v1/incidents/{code}/nearby`: the nearest cameras and on-duty members the
 * caller's scope lets them see, nearest first, at most `limit` of each (an empty list for a
 * kind not asked for).
 */
export const NearbySchema = z.object({
  incident: z
    .object({ code: IncidentCodeSchema, lng: z.number(), lat: z.number() })
    .meta({ description: '事件 The incident and its position' }),
  cameras: z.array(NearbyCameraSchema).meta({ description: '周边摄像头 Cameras, nearest first' }),
  members: z
    .array(NearbyMemberSchema)
    .meta({ description: '在岗网格员 On-duty members with a known position, nearest first' }),
});
export type Nearby = z.infer<typeof NearbySchema>;
