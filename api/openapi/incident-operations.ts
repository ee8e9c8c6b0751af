import { z } from 'zod';
import {
  CreatedIncidentSchema,
  CreateIncidentSchema,
  IncidentDetailSchema,
} from '../contract/incident-records';
import { IncidentActionSchema, IncidentCodeSchema } from '../contract/incidents';
import { NearbyQuerySchema, NearbySchema } from '../contract/nearby';
import type { ApiOperation } from './operation';

const CodeParams = z.object({
  code: IncidentCodeSchema.meta({ description: '事件编号 Incident code, e.g. YP20260601000042' }),
});

const ETag = {
  ETag: { description: 'The incident version, for If-Match', schema: z.string() },
};

/** `/api/v1/incidents` (api/routes/incidents.ts, api/routes/nearby.ts). */
export const INCIDENT_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'GET',
    path: '/api/v1/incidents/:code/nearby',
    operationId: 'incidentNearby',
    tag: 'incidents',
    permission: 'incidents:read',
    summary: { zh: '周边摄像头与在岗网格员', en: 'Cameras and on-duty members near an incident' },
    description: {
      zh: '按距离排序的摄像头（标注事件是否在其视野扇区内：朝向 ± 视场角/2，且在可视距离内）和在岗网格员。',
      en: 'Cameras by distance, each flagged when the incident lies in its view cone (heading ± fov/2 within range), and on-duty members by distance.',
    },
    params: CodeParams,
    query: NearbyQuerySchema,
    responses: [
      {
        status: 200,
        description: { zh: '周边资源', en: 'What is near' },
        schema: NearbySchema,
      },
    ],
    errors: [404],
  },
  {
    method: 'POST',
    path: '/api/v1/incidents',
    operationId: 'reportIncident',
    tag: 'incidents',
    permission: 'incidents:report',
    summary: { zh: '上报事件', en: 'Report an incident' },
    description: {
      zh: '按位置落入网格（边界道路上的点归最近网格），指派在岗网格员，按类别 SLA 设定时限，并列出 50 米、24 小时内的同类疑似重复事件。请求头 Idempotency-Key 相同的重复请求返回同一事件（200），不再新建。',
      en: 'Places the point in its grid (a point on a boundary road goes to the nearest grid), assigns the on-duty member, sets deadlines from the category SLA and lists probable duplicates (same category, 50 m, 24 h). A repeat with the same Idempotency-Key header returns the same incident (200) and creates nothing.',
    },
    body: CreateIncidentSchema,
    responses: [
      {
        status: 201,
        description: { zh: '已创建', en: 'Created' },
        schema: CreatedIncidentSchema,
        headers: ETag,
      },
      {
        status: 200,
        description: {
          zh: '幂等重放：先前创建的事件',
          en: 'Idempotent replay: the incident created before',
        },
        schema: CreatedIncidentSchema,
      },
    ],
    errors: [422],
  },
  {
    method: 'GET',
    path: '/api/v1/incidents/:code',
    operationId: 'getIncident',
    tag: 'incidents',
    permission: 'incidents:read',
    summary: { zh: '事件详情与时间线', en: 'An incident with its full timeline' },
    params: CodeParams,
    responses: [
      {
        status: 200,
        description: {
          zh: '事件及其全部流转记录',
          en: 'The incident and every event of its history',
        },
        schema: IncidentDetailSchema,
        headers: ETag,
      },
    ],
    errors: [404],
  },
  {
    method: 'POST',
    path: '/api/v1/incidents/:code/transitions',
    operationId: 'transitionIncident',
    tag: 'incidents',
    permission: 'incidents:act-assigned',
    summary: { zh: '事件流转', en: 'Take a workflow action' },
    description: {
      zh: '受理、派遣、处置、办结、核查、退回、结案、升级、合并、评价。当前状态不允许的操作返回 409（列出允许的操作）；If-Match 版本过期返回 412。网格员只能处理指派给自己的事件。',
      en: 'accept, reject, dispatch, start, resolve, verify, reopen, close, escalate, merge, rate. An action the status does not allow gives 409 naming the allowed ones; a stale If-Match version gives 412. Grid members act only on incidents assigned to them.',
    },
    params: CodeParams,
    body: IncidentActionSchema,
    responses: [
      {
        status: 200,
        description: { zh: '流转后的事件', en: 'The incident after the action' },
        schema: IncidentDetailSchema,
        headers: ETag,
      },
    ],
    errors: [404, 409, 412, 422],
  },
];
