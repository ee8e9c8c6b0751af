import { z } from 'zod';
import { CAMERA_KINDS, CAMERA_STATUSES, MEMBER_ROLES, SERVICE_CATEGORIES } from './codes';
import { InstantSchema } from './item-values';

/**
 * Grid members with their assigned grids and last position (`grid_members`); the phone is
 * masked by role, and `position_at` is null for a member who never reported a position.
 */
export const MemberPropertiesSchema = z.object({
  id: z.string().describe('编号 ID'),
  name: z.string().describe('姓名 Name'),
  role: z.enum(MEMBER_ROLES).describe('角色 Role'),
  phone: z.string().nullable().describe('联系电话 Phone'),
  street_code: z.string().describe('街道代码 Street code'),
  community_code: z.string().describe('社区代码 Community code'),
  on_duty: z.boolean().describe('在岗 On duty'),
  position_at: InstantSchema.nullable().describe('定位时间 Position time'),
  grid_codes: z.array(z.string()).describe('负责网格 Assigned grids'),
});
export type MemberProperties = z.infer<typeof MemberPropertiesSchema>;

/** Camera points with heading and field of view (`cameras`). */
export const CameraPropertiesSchema = z.object({
  code: z.string().describe('编号 Code'),
  name: z.string().describe('名称 Name'),
  kind: z.enum(CAMERA_KINDS).describe('类型 Kind'),
  street_code: z.string().describe('街道代码 Street code'),
  community_code: z.string().nullable().describe('社区代码 Community code'),
  heading: z.number().describe('朝向（度）Heading (°)'),
  fov: z.number().describe('视场角（度）Field of view (°)'),
  range_m: z.number().describe('可视距离（米）Range (m)'),
  status: z.enum(CAMERA_STATUSES).describe('状态 Status'),
  stream_url: z.string().nullable().describe('视频流 Stream URL'),
});
export type CameraProperties = z.infer<typeof CameraPropertiesSchema>;

/** Facilities of the 15-minute life circle (`service_points`). */
export const ServicePointPropertiesSchema = z.object({
  code: z.string().describe('编号 Code'),
  name: z.string().describe('名称 Name'),
  category: z.enum(SERVICE_CATEGORIES).describe('类别 Category'),
  street_code: z.string().describe('街道代码 Street code'),
  community_code: z.string().describe('社区代码 Community code'),
  capacity: z.int().nullable().describe('容量 Capacity'),
  opening_hours: z.string().describe('开放时间 Opening hours'),
});
export type ServicePointProperties = z.infer<typeof ServicePointPropertiesSchema>;
