import { z } from 'zod';
import {
  ESCALATION_LEVELS,
  INCIDENT_CATEGORIES,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  SEVERITIES,
} from './codes';
import { InstantSchema } from './item-values';

/** Incidents reported in the grids and their handling status (`incidents`). */
export const IncidentPropertiesSchema = z.object({
  code: z.string().describe('编号 Code'),
  category: z.enum(INCIDENT_CATEGORIES).describe('类别 Category'),
  source: z.enum(INCIDENT_SOURCES).describe('来源 Source'),
  severity: z.enum(SEVERITIES).describe('等级 Severity'),
  status: z.enum(INCIDENT_STATUSES).describe('状态 Status'),
  escalation_level: z.enum(ESCALATION_LEVELS).describe('处置层级 Escalation level'),
  description: z.string().describe('描述 Description'),
  address: z.string().describe('地址 Address'),
  grid_code: z.string().describe('网格编码 Grid code'),
  community_code: z.string().describe('社区代码 Community code'),
  street_code: z.string().describe('街道代码 Street code'),
  assignee_id: z.string().nullable().describe('处置人 Assignee'),
  reported_at: InstantSchema.describe('上报时间 Reported at'),
  accept_deadline: InstantSchema.describe('受理时限 Accept deadline'),
  resolve_deadline: InstantSchema.describe('办结时限 Resolve deadline'),
  closed_at: InstantSchema.nullable().describe('结案时间 Closed at'),
  overdue: z.boolean().describe('超时 Overdue'),
  version: z.int().describe('版本 Version'),
});
export type IncidentProperties = z.infer<typeof IncidentPropertiesSchema>;
