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
 * The headline figures of one earlier day up to the same time of day (China time), so that
 * today-so-far compares like for like.
 */
export const BaselineSchema = z.object({
  at: z.iso.datetime().meta({
    description: '对比时刻 The same time of day on the earlier day: the end of its window',
  }),
  reported: z.number().int().meta({ description: '新增 Reported from that local midnight to at' }),
  closed: z.number().int().meta({ description: '办结 Closed from that local midnight to at' }),
  open: z.number().int().meta({
    description:
      '未办结 Open at that instant: reported by then, not closed, rejected or merged by then',
  }),
});
export type Baseline = z.infer<typeof BaselineSchema>;

/** One grid among those with the most open incidents. */
export const HotGridSchema = z.object({
  code: z.string().meta({ description: '网格编码 Grid code (15 digits)' }),
  name: z.string().meta({ description: '网格名称 Grid name' }),
  open: z.number().int().meta({ description: '未办结 Open incidents in the grid' }),
  overdue: z.number().int().meta({ description: '超时未办结 Of which overdue' }),
});
export type HotGrid = z.infer<typeof HotGridSchema>;

/** Hot grids per overview. */
export const HOT_GRID_LIMIT = 5;

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
  baselines: z
    .object({
      yesterday: BaselineSchema.meta({
        description: '昨日同时段 Yesterday up to this time (环比)',
      }),
      lastWeek: BaselineSchema.meta({
        description: '上周同日同时段 The same weekday last week up to this time (同比)',
      }),
    })
    .meta({ description: '对比基准 Today’s figures one day and seven days earlier' }),
  hotGrids: z.array(HotGridSchema).max(HOT_GRID_LIMIT).meta({
    description:
      '热点网格 The grids with the most open incidents (then most overdue, then by code), at most 5; grids without open incidents are left out',
  }),
  hourly: z
    .array(HourlyCountSchema)
    .length(24)
    .meta({ description: '近 24 小时 The last 24 hours, oldest first' }),
});
export type Overview = z.infer<typeof OverviewSchema>;

/** Query of `GET /api/v1/stats/duty`: the same optional area as the overview. */
export const DutyQuerySchema = OverviewQuerySchema;

/** Who is on duty in one street now. */
export const DutyStreetSchema = z.object({
  code: z.string().meta({ description: '街道代码 Street code (12 digits)' }),
  name: z.string().meta({
    description: '街道名称 Name; the code when the street itself lies outside the caller’s scope',
  }),
  leaders: z
    .object({
      onDuty: z.number().int().meta({ description: '在岗 On duty now' }),
      total: z.number().int().meta({ description: '总数 All leaders of the street' }),
      names: z.array(z.string()).meta({ description: '在岗网格长姓名 Names of those on duty' }),
    })
    .meta({ description: '网格长 Grid leaders (role leader)' }),
  members: z
    .object({
      onDuty: z.number().int().meta({ description: '在岗 On duty now' }),
      total: z.number().int().meta({ description: '总数 All of them' }),
    })
    .meta({ description: '网格员 Every other role (full-time, part-time, professional, helper)' }),
});
export type DutyStreet = z.infer<typeof DutyStreetSchema>;

/**
 * `GET /api/v1/stats/duty?area=<code>`: today's duty roster (今日值班), per street of the
 * caller's scope (or of one area inside it), from the members' on-duty flags as they are now.
 * Streets are ordered by code; a street without members is left out.
 */
export const DutyRosterSchema = z.object({
  generatedAt: z.iso.datetime().meta({ description: '统计时刻 The instant the roster is for' }),
  streets: z.array(DutyStreetSchema).meta({ description: '按街道 Per street, by code' }),
});
export type DutyRoster = z.infer<typeof DutyRosterSchema>;
