import { z } from 'zod';
import { ADMIN_LEVELS, COMMUNITY_KINDS, GRID_KINDS, ROAD_CLASSES } from './codes';

/** District, street and community boundaries (`admin_areas`). */
export const AdminAreaPropertiesSchema = z.object({
  code: z.string().describe('代码 Code'),
  name: z.string().describe('名称 Name'),
  level: z.enum(ADMIN_LEVELS).describe('层级 Level'),
  parent_code: z.string().nullable().describe('上级代码 Parent code'),
  kind: z.enum(COMMUNITY_KINDS).nullable().describe('类型 Kind'),
});
export type AdminAreaProperties = z.infer<typeof AdminAreaPropertiesSchema>;

/** Management grids with households and population (`grids`). */
export const GridPropertiesSchema = z.object({
  code: z.string().describe('网格编码 Grid code'),
  name: z.string().describe('名称 Name'),
  community_code: z.string().describe('社区代码 Community code'),
  street_code: z.string().describe('街道代码 Street code'),
  kind: z.enum(GRID_KINDS).describe('类型 Kind'),
  households: z.int().describe('户数 Households'),
  population: z.int().describe('人口 Population'),
  shops: z.int().describe('商户 Shops'),
  leader_id: z.string().nullable().describe('网格长 Leader'),
});
export type GridProperties = z.infer<typeof GridPropertiesSchema>;

/** Building footprints, the demand side of coverage analysis (`buildings`). */
export const BuildingPropertiesSchema = z.object({
  id: z.int().describe('编号 ID'),
  name: z.string().describe('名称 Name'),
  grid_code: z.string().describe('网格编码 Grid code'),
  street_code: z.string().describe('街道代码 Street code'),
  floors: z.int().describe('层数 Floors'),
  households: z.int().describe('户数 Households'),
  population: z.int().describe('人口 Population'),
});
export type BuildingProperties = z.infer<typeof BuildingPropertiesSchema>;

/** Road centre lines by class, the source of the walking network (`roads`). */
export const RoadPropertiesSchema = z.object({
  id: z.int().describe('编号 ID'),
  name: z.string().describe('名称 Name'),
  class: z.enum(ROAD_CLASSES).describe('等级 Class'),
  bridge: z.boolean().describe('桥梁 Bridge'),
  street_code: z.string().describe('街道代码 Street code'),
});
export type RoadProperties = z.infer<typeof RoadPropertiesSchema>;
