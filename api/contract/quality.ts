import { z } from 'zod';

/**
 * The grid topology check (全覆盖、无缝隙、不重叠): `GET /api/v1/quality/grids`, `npm run
 * check:grids` and the report of every grid import. Areas in square metres; geometries GeoJSON.
 */

/**
 * Pieces of ground smaller than this (m², on the spheroid) are not reported as gaps, overlaps or
 * overreach: grids drawn edge to edge leave slivers of floating-point noise along every shared
 * boundary, a few square centimetres each; one square metre is far below anything a person
 * would draw on purpose and far above that noise.
 */
export const GRID_AREA_TOLERANCE_M2 = 1;

/**
 * A building counts as lying in a grid when more than this share of its footprint does: a
 * footprint that crosses a grid boundary by a sliver is a drawing inaccuracy, and the building
 * belongs to the grid that holds the rest of it.
 */
export const BUILDING_SHARE_TOLERANCE = 0.05;

/** A 12-digit community code, as the `community=` filter and the CLI's `--community` take it. */
export const CommunityCodeSchema = z
  .string()
  .regex(/^\d{12}$/, '社区代码应为 12 位数字 expected a 12-digit community code');

/** An area of the report: a polygon or several. */
export const AreaGeometrySchema = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.unknown()),
});
export type AreaGeometry = z.infer<typeof AreaGeometrySchema>;

const AreaSchema = z.number().meta({ description: '面积（平方米） Area in m²' });

export const GridGapSchema = z.object({
  communityCode: z.string().meta({ description: '社区代码 Community code' }),
  areaM2: AreaSchema,
  geometry: AreaGeometrySchema,
});
export type GridGap = z.infer<typeof GridGapSchema>;

export const GridOverlapSchema = z.object({
  gridCodes: z
    .tuple([z.string(), z.string()])
    .meta({ description: '重叠的两个网格 The two grids, lower code first' }),
  areaM2: AreaSchema,
  geometry: AreaGeometrySchema,
});
export type GridOverlap = z.infer<typeof GridOverlapSchema>;

export const GridOutsideSchema = z.object({
  gridCode: z.string(),
  communityCode: z.string().meta({ description: '网格所属社区 The grid’s own community' }),
  areaM2: AreaSchema,
  geometry: AreaGeometrySchema,
});
export type GridOutside = z.infer<typeof GridOutsideSchema>;

export const BuildingPlacementSchema = z.object({
  buildingId: z.number().int(),
  name: z.string(),
  gridCodes: z
    .array(z.string())
    .meta({ description: '建筑所在的网格（无网格时为空） The grids it lies in; empty when none' }),
  problem: z.enum(['no_grid', 'several_grids']),
});
export type BuildingPlacement = z.infer<typeof BuildingPlacementSchema>;

export const GridQualityReportSchema = z.object({
  /** Parts of a community that no grid of that community covers, largest first. */
  gaps: z
    .array(GridGapSchema)
    .meta({ description: '网格缝隙 Ground of a community no grid covers' }),
  /** Where two grids cover the same ground (same community or not), largest first. */
  overlaps: z
    .array(GridOverlapSchema)
    .meta({ description: '网格重叠 Ground two grids both cover' }),
  /** Grids reaching outside their community, largest first. */
  outside: z
    .array(GridOutsideSchema)
    .meta({ description: '越界网格 Grids reaching beyond their community' }),
  /** Buildings in no grid, or in two or more. */
  buildings: z
    .array(BuildingPlacementSchema)
    .meta({ description: '建筑归属问题 Buildings in no grid or in several' }),
  /** True when none of the above was found. */
  clean: z.boolean().meta({ description: '无任何问题 True when nothing was found' }),
});
export type GridQualityReport = z.infer<typeof GridQualityReportSchema>;

/** `GET /api/v1/quality/grids?community=…`: comma-separated community codes; default all. */
export const GridQualityQuerySchema = z.object({
  community: z
    .string()
    .transform((value) => value.split(',').map((code) => code.trim()))
    .pipe(z.array(CommunityCodeSchema).min(1))
    .optional()
    .meta({
      description:
        '社区代码，逗号分隔（12 位） Community codes, comma-separated (12 digits); default every community',
    }),
});
export type GridQualityQuery = z.infer<typeof GridQualityQuerySchema>;
