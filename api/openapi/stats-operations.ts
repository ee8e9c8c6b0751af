import { OverviewQuerySchema, OverviewSchema } from '../contract/stats';
import type { ApiOperation } from './operation';

/** `/api/v1/stats` (api/routes/stats.ts). */
export const STATS_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'GET',
    path: '/api/v1/stats/overview',
    operationId: 'statsOverview',
    tag: 'incidents',
    permission: 'incidents:read',
    summary: { zh: '事件统计总览', en: 'Incident overview figures' },
    description: {
      zh: '按状态、类别、来源、街道和社区计数；今日新增与办结（北京时间）；超时未办结；近 30 天按时办结率及受理、办结用时中位数；近 24 小时逐时序列。只统计调用者范围内的事件；范围外或不存在的区划返回 404。',
      en: 'Counts by status, category, source, street and community; today’s reported and closed (China time); open overdue; SLA compliance and median minutes to accept and to close over the last 30 days; the last 24 hours hour by hour. Only incidents inside the caller’s scope count; an area outside it, or unknown, answers 404.',
    },
    query: OverviewQuerySchema,
    responses: [
      { status: 200, description: { zh: '统计结果', en: 'The figures' }, schema: OverviewSchema },
    ],
    errors: [404],
  },
];
