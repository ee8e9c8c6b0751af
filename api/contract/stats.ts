import { z } from 'zod';
import { ADMIN_LEVELS } from './codes';

/** A count per code of one dimension (status, category, source). */
const Counts = z.record(z.string(), z.number().int());

const AreaCount = z.object({
  code: z.string(),
  name: z.string(),
  total: z.number().int(),
  open: z.number().int(),
});

/**
 * `GET /api/v1/stats/overview?area=<code>`: the numbers of the command center's header, for the
 * caller's whole area or one admin area inside it. "Today" is the local (China, UTC+8) day.
 */
export const OverviewSchema = z.object({
  area: z
    .object({ code: z.string(), name: z.string(), level: z.enum(ADMIN_LEVELS) })
    .nullable()
    .meta({ description: '统计范围 The area asked for; null for the caller’s whole scope' }),
  generatedAt: z.iso.datetime(),
  total: z.number().int().meta({ description: '事件总数 All incidents' }),
  open: z.number().int().meta({ description: '未办结 Not closed, rejected or merged' }),
  byStatus: Counts,
  byCategory: Counts,
  bySource: Counts,
  byStreet: z.array(AreaCount),
  byCommunity: z.array(AreaCount),
  today: z.object({
    reported: z.number().int().meta({ description: '今日新增 Reported since local midnight' }),
    closed: z.number().int().meta({ description: '今日办结 Closed since local midnight' }),
  }),
  openOverdue: z.number().int().meta({ description: '超时未办结 Open with a missed deadline' }),
  sla: z.object({
    windowDays: z.number().int(),
    closed: z.number().int().meta({ description: 'Incidents closed in the window' }),
    onTime: z.number().int().meta({ description: '…of which no deadline was missed' }),
    compliance: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .meta({ description: '按时办结率 onTime / closed; null when nothing closed' }),
  }),
  medianMinutes: z.object({
    accept: z.number().nullable().meta({ description: '受理用时中位数 Report → first accept' }),
    close: z.number().nullable().meta({ description: '办结用时中位数 Report → close' }),
  }),
  hourly: z
    .array(
      z.object({
        hour: z.iso.datetime(),
        reported: z.number().int(),
        closed: z.number().int(),
      }),
    )
    .length(24)
    .meta({ description: '近 24 小时 The last 24 hours, oldest first; each hour from `hour`' }),
});
export type Overview = z.infer<typeof OverviewSchema>;
