import { z } from 'zod';
import { OverviewSchema } from '../contract/stats';
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
      zh: '按状态、类别、来源、街道和社区计数；今日新增与办结（北京时间）；超时未办结；近 30 天按时办结率；受理与办结用时中位数；近 24 小时逐时序列。',
      en: 'Counts by status, category, source, street and community; today’s reported and closed (China time); open overdue; SLA compliance over 30 days; median minutes to accept and to close; the last 24 hours hour by hour.',
    },
    query: z.object({
      area: z
        .string()
        .regex(/^\d{12}$/)
        .optional()
        .meta({
          description: '行政区划代码 An admin area inside your scope; default your whole scope',
        }),
    }),
    responses: [
      { status: 200, description: { zh: '统计结果', en: 'The figures' }, schema: OverviewSchema },
    ],
    errors: [404],
  },
];
