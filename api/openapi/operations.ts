import {
  ApiKeySchema,
  CreateApiKeySchema,
  CreatedApiKeySchema,
  CreateUserSchema,
  LoginRequestSchema,
  MeSchema,
  UserSchema,
} from '../contract/auth';
import { ReadinessSchema } from '../contract/health';
import {
  CreatedIncidentSchema,
  CreateIncidentSchema,
  IncidentDetailSchema,
} from '../contract/incident-records';
import { IncidentActionSchema } from '../contract/incidents';
import { NearbySchema } from '../contract/nearby';
import { DutyRosterSchema, OverviewSchema } from '../contract/stats';
import { StreamEventSchema } from '../contract/stream';
import { IotAlarmResultSchema, IotAlarmSchema } from '../contract/iot';
import { GridQualityReportSchema } from '../contract/quality';
import { MemberPositionSchema, PositionReportSchema } from '../contract/members';
import { ADMIN_OPERATIONS } from './admin-operations';
import { ANALYSIS_OPERATIONS } from './analysis-operations';
import { AUTH_OPERATIONS } from './auth-operations';
import { ErrorBodySchema } from './error-body';
import { IMPORT_OPERATIONS } from './import-operations';
import { INCIDENT_OPERATIONS } from './incident-operations';
import { MEMBER_OPERATIONS } from './member-operations';
import { QUALITY_OPERATIONS } from './quality-operations';
import { STATS_OPERATIONS } from './stats-operations';
import { STREAM_OPERATIONS } from './stream-operations';
import { IOT_OPERATIONS } from './iot-operations';
import type { NamedSchema } from './json-schema';
import type { ApiOperation, Bilingual } from './operation';
import { SYSTEM_OPERATIONS } from './system-operations';

/** Every operation of the REST API; the document lists them in this order. */
export const API_OPERATIONS: readonly ApiOperation[] = [
  ...AUTH_OPERATIONS,
  ...ADMIN_OPERATIONS,
  ...QUALITY_OPERATIONS,
  ...INCIDENT_OPERATIONS,
  ...STREAM_OPERATIONS,
  ...STATS_OPERATIONS,
  ...MEMBER_OPERATIONS,
  ...IOT_OPERATIONS,
  ...ANALYSIS_OPERATIONS,
  ...IMPORT_OPERATIONS,
  ...SYSTEM_OPERATIONS,
];

/** Tags group operations in the documentation page. */
export const API_TAGS: readonly { name: string; description: Bilingual }[] = [
  { name: 'auth', description: { zh: '登录与会话', en: 'Log-in and sessions' } },
  { name: 'admin', description: { zh: '用户与 API 密钥管理', en: 'Users and API keys' } },
  { name: 'incidents', description: { zh: '事件闭环', en: 'The incident closed loop' } },
  { name: 'analysis', description: { zh: '十五分钟生活圈分析', en: 'The 15-minute life circle' } },
  { name: 'imports', description: { zh: '数据导入', en: 'Importing a district’s files' } },
  { name: 'system', description: { zh: '运行状态与文档', en: 'Health and documentation' } },
];

/** Contract schemas published as components (request bodies read as input, answers as output). */
export const API_SCHEMAS: readonly NamedSchema[] = [
  { name: 'ErrorBody', schema: ErrorBodySchema, io: 'output' },
  { name: 'LoginRequest', schema: LoginRequestSchema, io: 'input' },
  { name: 'Me', schema: MeSchema, io: 'output' },
  { name: 'CreateUser', schema: CreateUserSchema, io: 'input' },
  { name: 'User', schema: UserSchema, io: 'output' },
  { name: 'CreateApiKey', schema: CreateApiKeySchema, io: 'input' },
  { name: 'ApiKey', schema: ApiKeySchema, io: 'output' },
  { name: 'CreatedApiKey', schema: CreatedApiKeySchema, io: 'output' },
  { name: 'Readiness', schema: ReadinessSchema, io: 'output' },
  { name: 'CreateIncident', schema: CreateIncidentSchema, io: 'input' },
  { name: 'CreatedIncident', schema: CreatedIncidentSchema, io: 'output' },
  { name: 'IncidentDetail', schema: IncidentDetailSchema, io: 'output' },
  { name: 'IncidentAction', schema: IncidentActionSchema, io: 'input' },
  { name: 'StreamEvent', schema: StreamEventSchema, io: 'output' },
  { name: 'Nearby', schema: NearbySchema, io: 'output' },
  { name: 'Overview', schema: OverviewSchema, io: 'output' },
  { name: 'DutyRoster', schema: DutyRosterSchema, io: 'output' },
  { name: 'IotAlarm', schema: IotAlarmSchema, io: 'input' },
  { name: 'IotAlarmResult', schema: IotAlarmResultSchema, io: 'output' },
  { name: 'PositionReport', schema: PositionReportSchema, io: 'input' },
  { name: 'MemberPosition', schema: MemberPositionSchema, io: 'output' },
  { name: 'GridQualityReport', schema: GridQualityReportSchema, io: 'output' },
];
