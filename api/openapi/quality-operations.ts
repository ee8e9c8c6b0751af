import { GridQualityQuerySchema, GridQualityReportSchema } from '../contract/quality';
import type { ApiOperation } from './operation';

/** `/api/v1/quality` (api/routes/quality.ts). */
export const QUALITY_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'GET',
    path: '/api/v1/quality/grids',
    operationId: 'checkGridTopology',
    tag: 'admin',
    permission: 'admin:manage',
    summary: { zh: '网格拓扑检查', en: 'Grid topology check' },
    description: {
      zh: '检查网格是否全覆盖、无缝隙、不重叠：各社区内未被本社区网格覆盖的缝隙、两个网格的重叠（同一社区或跨社区）、超出所属社区的网格、不在任何网格或跨多个网格的建筑；小于 1 平方米的碎片视为边界误差不予报告。给出社区代码只检查这些社区（须在管理员范围内）；默认检查范围内全部社区。与 `npm run check:grids` 结果一致。',
      en: 'Checks that the grids cover every community with no gap and no overlap: ground of a community none of its grids covers, ground two grids both cover (in one community or across two), grids reaching beyond their community, buildings in no grid or in several; pieces under 1 m² are boundary noise and left out. With community codes only those communities are checked (they must lie inside the admin’s scopes); by default every community inside them. The same report as `npm run check:grids`.',
    },
    query: GridQualityQuerySchema,
    responses: [
      {
        status: 200,
        description: { zh: '检查报告', en: 'The report' },
        schema: GridQualityReportSchema,
      },
    ],
  },
];
