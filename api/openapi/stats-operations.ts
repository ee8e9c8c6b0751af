import {
  DutyQuerySchema,
  DutyRosterSchema,
  OverviewQuerySchema,
  OverviewSchema,
} from '../contract/stats';
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
      zh: '按状态、类别、来源、街道和社区计数；今日新增与办结（北京时间），及昨日、上周同日同时段的对比基准；超时未办结；近 30 天按时办结率及受理、办结用时中位数；热点网格（未办结最多的 5 个）；近 24 小时逐时序列。只统计调用者范围内的事件；范围外或不存在的区划返回 404。',
      en: 'Counts by status, category, source, street and community; today’s reported and closed (China time), with yesterday’s and last week’s up to the same time of day as baselines; open overdue; SLA compliance and median minutes to accept and to close over the last 30 days; the five grids with the most open incidents; the last 24 hours hour by hour. Only incidents inside the caller’s scope count; an area outside it, or unknown, answers 404.',
    },
    query: OverviewQuerySchema,
    responses: [
      { status: 200, description: { zh: '统计结果', en: 'The figures' }, schema: OverviewSchema },
    ],
    errors: [404],
  },
  {
    method: 'GET',
    path: '/api/v1/stats/duty',
    operationId: 'statsDuty',
    tag: 'incidents',
    permission: 'incidents:read',
    summary: { zh: '今日值班', en: 'Duty roster' },
    description: {
      zh: '按街道统计网格长和网格员的在岗人数与总数，并列出在岗网格长姓名（按成员当前的在岗状态）。只统计调用者范围内的成员；范围外或不存在的区划返回 404。',
      en: 'Per street: grid leaders and other members on duty and in all, with the names of the leaders on duty (from the members’ on-duty flags now). Only members inside the caller’s scope count; an area outside it, or unknown, answers 404.',
    },
    query: DutyQuerySchema,
    responses: [
      { status: 200, description: { zh: '值班表', en: 'The roster' }, schema: DutyRosterSchema },
    ],
    errors: [404],
  },
];
