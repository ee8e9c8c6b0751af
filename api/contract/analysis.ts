import { z } from 'zod';
import { SERVICE_CATEGORIES } from './codes';
import { DISTANCE_LIMITS_M, LIFE_CIRCLES } from './life-circle';
import { queryNumber, queryNumberList } from './query';

/**
 * The life-circle analysis API (`/api/v1/analysis/…`): walking coverage, completeness, reach
 * polygons, site suggestions and scenarios. Distances are network walking metres.
 */

const categoryError = (issue: { input?: unknown }) =>
  `unknown category ${JSON.stringify(issue.input)}; categories are ${SERVICE_CATEGORIES.join(', ')}`;

export const AnalysisCategorySchema = z
  .enum(SERVICE_CATEGORIES, { error: categoryError })
  .meta({ description: '设施类别 Service category (one of the twenty life-circle codes)' });

const distanceError = `must be between ${DISTANCE_LIMITS_M.min} and ${DISTANCE_LIMITS_M.max} metres`;

/** A walking distance in metres, 50–3,000. */
export const DistanceSchema = z
  .number({ error: 'must be a number of metres' })
  .min(DISTANCE_LIMITS_M.min, distanceError)
  .max(DISTANCE_LIMITS_M.max, distanceError);

const AreaCodeSchema = z
  .string()
  .regex(/^\d{12}$/, 'must be a 12-digit admin-area code')
  .meta({
    description: '区划编码 Admin area (district, street or community); default: your scope',
  });

/** How far: `distance` metres, or `minutes` at `speed` metres a minute; default the circle's. */
export const ReachQueryFields = {
  distance: queryNumber(DistanceSchema, 'a number of metres').optional().meta({
    description: '步行距离（米）Walking metres, 50–3,000',
  }),
  minutes: queryNumber(
    z.number({ error: 'must be a number of minutes' }).positive('must be positive'),
    'a number of minutes',
  )
    .optional()
    .meta({ description: '步行分钟 Walking minutes (instead of distance)' }),
  speed: queryNumber(
    z
      .number({ error: 'must be metres per minute' })
      .min(20, 'must be at least 20 m/min')
      .max(150, 'must be at most 150 m/min'),
    'metres per minute',
  )
    .optional()
    .meta({ description: '步速（米/分）Walking speed, default 60 m/min' }),
};

export const CoverageQuerySchema = z.object({
  category: AnalysisCategorySchema,
  area: AreaCodeSchema.optional(),
  ...ReachQueryFields,
});
export type CoverageQuery = z.infer<typeof CoverageQuerySchema>;

const CountsSchema = z.object({ total: z.number().int(), covered: z.number().int() });

export const GridCoverageSchema = z.object({
  code: z.string().meta({ description: '网格编码 Grid code' }),
  population: z.number().int().meta({ description: '常住人口 Residents' }),
  covered: z.number().int().meta({ description: '可达人口 Residents within the distance' }),
  share: z
    .number()
    .meta({ description: '覆盖率 covered / population (1 when nobody lives there)' }),
});
export type GridCoverage = z.infer<typeof GridCoverageSchema>;

const AreaRefSchema = z.object({ code: z.string(), name: z.string() }).nullable();

export const CoverageSchema = z.object({
  category: AnalysisCategorySchema,
  distance: z.number().meta({ description: '步行距离（米）Walking metres used' }),
  area: AreaRefSchema.meta({ description: '区划 The area asked for; null: the caller’s scope' }),
  population: CountsSchema.meta({ description: '人口 Residents in the area, and within reach' }),
  households: CountsSchema.meta({ description: '户数 Households in the area, and within reach' }),
  straightLine: z
    .object({ population: z.object({ covered: z.number().int() }) })
    .meta({ description: '直线距离 Residents within the same straight-line distance' }),
  byGrid: z.array(GridCoverageSchema).meta({ description: '按网格 Per grid, by code' }),
  uncoveredBuildings: z.number().int().meta({ description: '未覆盖楼栋数 Buildings out of reach' }),
  facilities: z.number().int().meta({
    description: '设施数 Facilities of the category inside the area (those beyond it serve it too)',
  }),
  networkVersion: z.number().int().meta({ description: '路网版本 Walking network version used' }),
});
export type Coverage = z.infer<typeof CoverageSchema>;

/** Completeness (生活圈完整度): share of residents reaching every basic category of a circle. */
export const CompletenessQuerySchema = z.object({
  circle: z.enum([...LIFE_CIRCLES, 'all'] as const).default('all'),
  area: AreaCodeSchema.optional(),
  by: z.enum(['community', 'grid']).default('community'),
});
export type CompletenessQuery = z.infer<typeof CompletenessQuerySchema>;

export const CompletenessRowSchema = z.object({
  code: z.string().meta({ description: '社区或网格编码 Community or grid code' }),
  name: z.string(),
  population: z.number().int(),
  complete: z
    .number()
    .int()
    .meta({ description: '全部可达人口 Residents reaching every basic category' }),
  share: z.number(),
  /** Per basic category: share of residents within its circle's distance. */
  categories: z.record(z.string(), z.number()),
  missing: z
    .array(AnalysisCategorySchema)
    .meta({ description: '缺项 Basic categories that under half of the residents reach' }),
});
export type CompletenessRow = z.infer<typeof CompletenessRowSchema>;

export const CompletenessSchema = z.object({
  circle: z.enum([...LIFE_CIRCLES, 'all'] as const),
  area: AreaRefSchema,
  population: z.number().int(),
  complete: z.number().int(),
  share: z
    .number()
    .meta({ description: '15 分钟生活圈覆盖率 Share reaching every basic category' }),
  basicCategories: z.array(AnalysisCategorySchema),
  rows: z.array(CompletenessRowSchema),
});
export type Completeness = z.infer<typeof CompletenessSchema>;

const LngLatSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, 'must be lng,lat in degrees (WGS84)')
  .transform((text) => text.split(',').map(Number) as [number, number]);

export const IsochroneQuerySchema = z
  .object({
    facility: z.string().min(1).max(64).optional(),
    point: LngLatSchema.optional(),
    distances: z
      .string()
      .default('300,500,1000')
      .pipe(
        queryNumberList(
          z
            .array(
              z
                .number()
                .min(DISTANCE_LIMITS_M.min, distanceError)
                .max(DISTANCE_LIMITS_M.max, distanceError),
            )
            .min(1)
            .max(5, 'at most 5 distances'),
        ),
      ),
    width: queryNumber(z.number().min(5).max(200), 'a number of metres').default(40).meta({
      description: '可步行宽度（米）Width walked on either side of a street, metres',
    }),
  })
  .refine((q) => (q.facility === undefined) !== (q.point === undefined), {
    message: 'give exactly one of facility=<code> or point=lng,lat',
    path: ['facility'],
  });
export type IsochroneQuery = z.infer<typeof IsochroneQuerySchema>;

/** Candidate sites the planner offers instead of the network's nodes: `lng,lat;lng,lat;…`. */
const CandidatesSchema = z
  .string()
  .regex(
    /^-?\d+(\.\d+)?,-?\d+(\.\d+)?(;-?\d+(\.\d+)?,-?\d+(\.\d+)?)*$/,
    'must be lng,lat;lng,lat;…',
  )
  .transform((text) => text.split(';').map((pair) => pair.split(',').map(Number)))
  .pipe(
    z
      .array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]))
      .max(500, 'at most 500 candidates'),
  )
  .meta({ description: '候选点 lng,lat;lng,lat;… (default: network nodes)' });

export const SiteSuggestionQuerySchema = z.object({
  category: AnalysisCategorySchema,
  candidates: CandidatesSchema.optional(),
  k: queryNumber(
    z.number().int('must be a whole number').min(1, 'k must be 1–20').max(20, 'k must be 1–20'),
    'a whole number',
  ).default(5),
  area: AreaCodeSchema.optional(),
  ...ReachQueryFields,
});
export type SiteSuggestionQuery = z.infer<typeof SiteSuggestionQuerySchema>;

export const SiteSuggestionSchema = z.object({
  rank: z.number().int(),
  lng: z.number(),
  lat: z.number(),
  gain: z.number().int().meta({ description: '新增覆盖人口 Residents newly covered by this site' }),
  cumulative: z
    .number()
    .int()
    .meta({ description: '累计覆盖人口 Covered after adding sites 1…rank' }),
  gridCode: z.string().nullable(),
});
export type SiteSuggestion = z.infer<typeof SiteSuggestionSchema>;

export const SiteSuggestionsSchema = z.object({
  category: AnalysisCategorySchema,
  distance: z.number(),
  area: AreaRefSchema,
  population: z.number().int(),
  coveredBefore: z.number().int(),
  suggestions: z.array(SiteSuggestionSchema),
});
export type SiteSuggestions = z.infer<typeof SiteSuggestionsSchema>;

// NUL and other text PostgreSQL cannot hold is refused for every request at the edge
// (api/http/text-input.ts), so these are plain strings.
const ServicePointCode = z.string().min(1).max(64);

const PointSchema = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});

/** One change of a scenario: a facility added, moved or removed. */
export const ScenarioChangeSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('add'),
    category: AnalysisCategorySchema,
    name: z.string().trim().min(1).max(80).optional(),
    ...PointSchema.shape,
  }),
  z.object({ op: z.literal('move'), code: ServicePointCode, ...PointSchema.shape }),
  z.object({ op: z.literal('remove'), code: ServicePointCode }),
]);
export type ScenarioChange = z.infer<typeof ScenarioChangeSchema>;

export const MAX_SCENARIO_CHANGES = 50;

export const ScenarioRequestSchema = z.object({
  name: z.string().trim().min(1, 'a scenario needs a name').max(120).optional(),
  area: AreaCodeSchema.optional(),
  changes: z
    .array(ScenarioChangeSchema)
    .max(MAX_SCENARIO_CHANGES, `at most ${MAX_SCENARIO_CHANGES} changes in one scenario`),
  save: z.boolean().default(false),
  focus: z
    .object({ category: AnalysisCategorySchema, distance: DistanceSchema.optional() })
    .optional()
    .meta({ description: '关注类别 Category (and distance) whose full coverage is returned' }),
});
export type ScenarioRequest = z.infer<typeof ScenarioRequestSchema>;

/** Coverage of one category at its circle's distance, before and after. */
export const CategoryDeltaSchema = z.object({
  category: AnalysisCategorySchema,
  distance: z.number(),
  before: z.number().int(),
  after: z.number().int(),
});

export const ScenarioEvaluationSchema = z.object({
  population: z.number().int(),
  categories: z.array(CategoryDeltaSchema),
  completeness: z.object({ before: z.number().int(), after: z.number().int() }),
});
export type ScenarioEvaluation = z.infer<typeof ScenarioEvaluationSchema>;

export const ScenarioSchema = z.object({
  id: z.number().int().nullable().meta({ description: '方案编号 null when not saved' }),
  name: z.string().nullable(),
  author: z.string().nullable(),
  createdAt: z.string().nullable(),
  area: AreaRefSchema,
  changes: z.array(ScenarioChangeSchema),
  evaluation: ScenarioEvaluationSchema,
  coverage: z.object({ before: CoverageSchema, after: CoverageSchema }).nullable().meta({
    description: '关注类别的覆盖 Coverage of the focus category, today and with the changes',
  }),
  adopted: z
    .object({ at: z.string(), by: z.string(), evaluation: ScenarioEvaluationSchema })
    .nullable()
    .meta({
      description:
        '实施与评估 Adoption: when, by whom, and the coverage of every category and the completeness stored before and after, side by side',
    }),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export const ScenarioSummarySchema = ScenarioSchema.pick({
  id: true,
  name: true,
  author: true,
  createdAt: true,
  area: true,
}).extend({ changes: z.number().int(), adoptedAt: z.string().nullable() });
export type ScenarioSummary = z.infer<typeof ScenarioSummarySchema>;

/** Incident categories that carry residents' demands (民生诉求 and kin) for the planner's loop. */
export const DEMAND_CATEGORIES = ['livelihood', 'special_care', 'public_facility'] as const;

export const DemandsQuerySchema = z.object({
  area: AreaCodeSchema.optional(),
  days: queryNumber(
    z
      .number({ error: 'must be a number of days' })
      .int('must be a whole number of days')
      .min(1, 'days must be 1–365')
      .max(365, 'days must be 1–365'),
    'a number of days',
  )
    .default(90)
    .meta({ description: '天数 Days back, 1–365 (default 90)' }),
});

/** Residents' demands per grid (发现、汇总): open and recent incidents of demand categories. */
export const DemandRowSchema = z.object({
  gridCode: z.string(),
  demands: z.number().int().meta({ description: '诉求数 Demand incidents in the window' }),
  open: z.number().int(),
});
export type DemandRow = z.infer<typeof DemandRowSchema>;

export const DemandsSchema = z.object({
  days: z.number().int(),
  categories: z.array(z.string()),
  rows: z.array(DemandRowSchema),
});
export type Demands = z.infer<typeof DemandsSchema>;

/** Properties of each building in `GET /api/v1/analysis/coverage/buildings` (GeoJSON points). */
export interface BuildingAccessProperties {
  id: number;
  name: string;
  gridCode: string;
  population: number;
  households: number;
  /** Network walking metres to the nearest facility of the category; null: unreachable. */
  distanceM: number | null;
  covered: boolean;
}
