import { z } from 'zod';
import {
  CompletenessQuerySchema,
  CompletenessSchema,
  CoverageQuerySchema,
  CoverageSchema,
  DemandsQuerySchema,
  DemandsSchema,
  IsochroneQuerySchema,
  ScenarioRequestSchema,
  ScenarioSchema,
  ScenarioSummarySchema,
  SiteSuggestionQuerySchema,
  SiteSuggestionsSchema,
} from '../contract/analysis';
import type { ApiOperation } from './operation';

const GEOJSON = 'application/geo+json';
const FeatureCollectionSchema = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(z.looseObject({})) })
  .meta({ description: 'GeoJSON FeatureCollection (RFC 7946)' });
const IdParams = z.object({ id: z.string().meta({ description: '方案编号 Scenario id' }) });
const STANDARDS = {
  zh: '步行距离沿路网计算（含楼栋、设施到路网的接入距离）。生活圈：GB 50180-2018 5 分钟 300 米、10 分钟 500 米、15 分钟 1000 米；设施所属生活圈与基础/提升类型依 TD/T 1062-2021 附录 A。',
  en: 'Walking distance along the road network (including the access from building and facility to the network). Circles: GB 50180-2018 5 minutes 300 m, 10 minutes 500 m, 15 minutes 1,000 m; which facility belongs to which circle, basic or optional, after TD/T 1062-2021 Appendix A.',
};

/** `/api/v1/analysis` (api/routes/analysis.ts, api/routes/scenarios.ts). */
export const ANALYSIS_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'GET',
    path: '/api/v1/analysis/coverage',
    operationId: 'analysisCoverage',
    tag: 'analysis',
    permission: 'layers:read',
    summary: { zh: '步行覆盖', en: 'Walking coverage of a category' },
    description: STANDARDS,
    query: CoverageQuerySchema,
    responses: [
      { status: 200, description: { zh: '覆盖结果', en: 'Coverage' }, schema: CoverageSchema },
    ],
    errors: [404],
  },
  {
    method: 'GET',
    path: '/api/v1/analysis/coverage/buildings',
    operationId: 'analysisBuildingAccess',
    tag: 'analysis',
    permission: 'layers:read',
    summary: { zh: '楼栋步行距离', en: 'Walking distance of each building' },
    query: CoverageQuerySchema,
    responses: [
      {
        status: 200,
        description: {
          zh: '楼栋点（distanceM 为空表示不可达）',
          en: 'Building points (distanceM null: unreachable)',
        },
        schema: FeatureCollectionSchema,
        contentType: GEOJSON,
      },
    ],
    errors: [404],
  },
  {
    method: 'GET',
    path: '/api/v1/analysis/coverage/tiles/:z/:x/:y',
    operationId: 'analysisBuildingAccessTile',
    tag: 'analysis',
    permission: 'layers:read',
    summary: {
      zh: '楼栋步行距离矢量瓦片',
      en: 'Walking distance of each building as a vector tile',
    },
    description: {
      zh: '图层 walking_distance：楼栋点，属性 distance_m（无路径时缺省）、covered、population、grid_code。',
      en: 'Layer walking_distance: building points with distance_m (absent: no path), covered, population, grid_code.',
    },
    params: z.object({
      z: z.string().meta({ description: 'Zoom' }),
      x: z.string().meta({ description: 'Column' }),
      y: z.string().meta({ description: 'Row, with the .mvt suffix' }),
    }),
    query: CoverageQuerySchema,
    responses: [
      {
        status: 200,
        description: { zh: '矢量瓦片', en: 'Mapbox Vector Tile' },
        schema: z.string().meta({ format: 'binary' }),
        contentType: 'application/vnd.mapbox-vector-tile',
      },
      { status: 204, description: { zh: '该瓦片无楼栋', en: 'No building in the tile' } },
    ],
    errors: [404],
  },
  {
    method: 'GET',
    path: '/api/v1/analysis/completeness',
    operationId: 'analysisCompleteness',
    tag: 'analysis',
    permission: 'layers:read',
    summary: { zh: '生活圈完整度', en: 'Life-circle completeness' },
    query: CompletenessQuerySchema,
    responses: [
      {
        status: 200,
        description: { zh: '完整度', en: 'Completeness' },
        schema: CompletenessSchema,
      },
    ],
    errors: [404],
  },
  {
    method: 'GET',
    path: '/api/v1/analysis/isochrones',
    operationId: 'analysisIsochrones',
    tag: 'analysis',
    permission: 'layers:read',
    summary: { zh: '步行可达范围', en: 'Walking reach polygons' },
    query: IsochroneQuerySchema,
    responses: [
      {
        status: 200,
        description: { zh: '可达范围面', en: 'Reach polygons' },
        schema: FeatureCollectionSchema,
        contentType: GEOJSON,
      },
    ],
    errors: [404, 422],
  },
  {
    method: 'GET',
    path: '/api/v1/analysis/site-suggestions',
    operationId: 'analysisSiteSuggestions',
    tag: 'analysis',
    permission: 'analysis:run',
    summary: { zh: '选址建议', en: 'Site suggestions' },
    query: SiteSuggestionQuerySchema,
    responses: [
      {
        status: 200,
        description: { zh: '建议点', en: 'Suggested sites' },
        schema: SiteSuggestionsSchema,
      },
    ],
    errors: [404],
  },
  {
    method: 'GET',
    path: '/api/v1/analysis/demands',
    operationId: 'analysisDemands',
    tag: 'analysis',
    permission: 'analysis:run',
    summary: { zh: '居民诉求（按网格）', en: 'Residents’ demands per grid' },
    query: DemandsQuerySchema,
    responses: [
      { status: 200, description: { zh: '诉求汇总', en: 'Demands' }, schema: DemandsSchema },
    ],
    errors: [404],
  },
  {
    method: 'POST',
    path: '/api/v1/analysis/scenarios',
    operationId: 'analysisScenario',
    tag: 'analysis',
    permission: 'analysis:run',
    summary: { zh: '方案评估（可保存）', en: 'Evaluate (and save) a scenario' },
    body: ScenarioRequestSchema,
    responses: [
      {
        status: 200,
        description: { zh: '评估结果（未保存）', en: 'Evaluated, not saved' },
        schema: ScenarioSchema,
      },
      { status: 201, description: { zh: '已保存', en: 'Saved' }, schema: ScenarioSchema },
    ],
    errors: [404, 422],
  },
  {
    method: 'GET',
    path: '/api/v1/analysis/scenarios',
    operationId: 'analysisScenarios',
    tag: 'analysis',
    permission: 'analysis:run',
    summary: { zh: '已保存方案', en: 'Saved scenarios' },
    responses: [
      {
        status: 200,
        description: { zh: '方案列表', en: 'Scenarios' },
        schema: z.object({ scenarios: z.array(ScenarioSummarySchema) }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/v1/analysis/scenarios/:id',
    operationId: 'analysisScenarioById',
    tag: 'analysis',
    permission: 'analysis:run',
    summary: { zh: '打开方案', en: 'A saved scenario' },
    params: IdParams,
    responses: [
      { status: 200, description: { zh: '方案', en: 'The scenario' }, schema: ScenarioSchema },
    ],
    errors: [404],
  },
  {
    method: 'DELETE',
    path: '/api/v1/analysis/scenarios/:id',
    operationId: 'analysisScenarioDelete',
    tag: 'analysis',
    permission: 'analysis:run',
    summary: { zh: '删除方案', en: 'Delete a scenario' },
    params: IdParams,
    responses: [{ status: 204, description: { zh: '已删除', en: 'Deleted' } }],
    errors: [404, 409],
  },
  {
    method: 'POST',
    path: '/api/v1/analysis/scenarios/:id/adopt',
    operationId: 'analysisScenarioAdopt',
    tag: 'analysis',
    permission: 'analysis:adopt',
    summary: { zh: '实施方案', en: 'Adopt a scenario' },
    description: {
      zh: '在一个事务内把方案的设施写入 service_points 并记入审计日志，同时保存实施前后的覆盖（评估）。',
      en: 'Writes the scenario’s facilities to service_points in one audited transaction and stores the coverage before and after.',
    },
    params: IdParams,
    responses: [
      { status: 200, description: { zh: '已实施', en: 'Adopted' }, schema: ScenarioSchema },
    ],
    errors: [404, 409, 422],
  },
];
