import { z } from 'zod';
import { ADMIN_LEVELS } from './codes';

/** Query of `GET /api/v1/stats/overview`. */
export const OverviewQuerySchema = z.object({
  area: z
    .string()
    .regex(/^\d{12}$/, 'expected a 12-digit admin-area code')
    .optional()
    .meta({
      description:
        '行政区划代码 A district, street or community inside your scope (12 digits); default your whole scope',
    }),
});

/** A count per code of one dimension (status, category or source); codes without rows are left out. */
const CountsSchema = z.record(z.string(), z.number().int());

/** Incidents of one street or community. */
export const AreaCountSchema = z.object({
  code: z.string().meta({ description: '行政区划代码 Admin-area code (12 digits)' }),
  name: z.string().meta({
    description: '名称 Name; the code when the area itself lies outside the caller’s scope',
  }),
  total: z.number().int().meta({ description: '事件数 Incidents' }),
  open: z.number().int().meta({ description: '未办结 Of which open' }),
});
export type AreaCount = z.infer<typeof AreaCountSchema>;

/** One hour of the last 24. */
export const HourlyCountSchema = z.object({
  hour: z.iso.datetime().meta({ description: '时段起点 Start of the hour (UTC)' }),
  reported: z.number().int().meta({ description: '上报 Incidents reported in the hour' }),
  closed: z.number().int().meta({ description: '办结 Incidents closed in the hour' }),
});
export type HourlyCount = z.infer<typeof HourlyCountSchema>;

/**
 * `GET /api/v1/stats/overview?area=<code>`: the numbers of the command center's header, for the
 * caller's whole scope or one admin area inside it. Every figure counts only incidents the
 * caller's area scope shows.
 *
 * Windows, all relative to the server clock at `generatedAt` and ending there: "today" is the
 * local day in China (UTC+8, from local midnight); the hourly series is 24 whole UTC hours, the
 * last one holding `generatedAt`; the SLA and median window is the last `sla.windowDays` days.
 * "Open" means not closed, rejected or merged. Closing an incident is its `close` event.
 */
export const OverviewSchema = z.object({
  area: z
    .object({
      code: z.string().meta({ description: '行政区划代码 Admin-area code' }),
      name: z.string().meta({ description: '名称 Name' }),
      level: z.enum(ADMIN_LEVELS).meta({ description: '级别 district, street or community' }),
    })
    .nullable()
    .meta({ description: '统计范围 The area asked for; null for the caller’s whole scope' }),
  generatedAt: z.iso.datetime().meta({ description: '统计时刻 The instant the figures are for' }),
  total: z.number().int().meta({ description: '事件总数 All incidents' }),
  open: z.number().int().meta({ description: '未办结 Not closed, rejected or merged' }),
  byStatus: CountsSchema.meta({ description: '按状态 Incidents per status' }),
  byCategory: CountsSchema.meta({ description: '按类别 Incidents per category' }),
  bySource: CountsSchema.meta({ description: '按来源 Incidents per source' }),
  byStreet: z.array(AreaCountSchema).meta({ description: '按街道 Incidents per street, by code' }),
  byCommunity: z
    .array(AreaCountSchema)
    .meta({ description: '按社区 Incidents per community, by code' }),
  today: z
    .object({
      reported: z.number().int().meta({ description: '今日新增 Reported since local midnight' }),
      closed: z.number().int().meta({ description: '今日办结 Closed since local midnight' }),
    })
    .meta({ description: '今日 Today, China time (UTC+8)' }),
  openOverdue: z.number().int().meta({
    description:
      '超时未办结 Open incidents that have missed a deadline (accept, on site or resolve)',
  }),
  sla: z
    .object({
      windowDays: z.number().int().meta({ description: '统计天数 Days in the window' }),
      closed: z.number().int().meta({ description: '办结数 Incidents closed in the window' }),
      onTime: z.number().int().meta({
        description: '按时办结 Of those, closed without any missed deadline (empty overdue_clocks)',
      }),
      compliance: z.number().min(0).max(1).nullable().meta({
        description: '按时办结率 onTime / closed, 0–1; null when nothing was closed',
      }),
    })
    .meta({
      description:
        '时限达标 SLA compliance: of the incidents closed in the last windowDays days, the share that never missed a deadline',
    }),
  medianMinutes: z
    .object({
      accept: z.number().nullable().meta({
        description:
          '受理用时中位数 Median minutes from report to accept, over incidents accepted in the window; null when none',
      }),
      close: z.number().nullable().meta({
        description:
          '办结用时中位数 Median minutes from report to close, over incidents closed in the window; null when none',
      }),
    })
    .meta({ description: '用时中位数 Median handling times (window of sla.windowDays days)' }),
  hourly: z
    .array(HourlyCountSchema)
    .length(24)
    .meta({ description: '近 24 小时 The last 24 hours, oldest first' }),
});
export type Overview = z.infer<typeof OverviewSchema>;
