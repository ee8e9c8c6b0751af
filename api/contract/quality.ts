import { z } from 'zod';

/**
 * The grid topology check (全覆盖、无缝隙、不重叠): `GET /api/v1/quality/grids`, `npm run
 * check:grids` and the report of every grid import. Areas in square metres; geometries GeoJSON.
 */
const AreaGeometrySchema = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.unknown()),
});

export const GridQualityReportSchema = z.object({
  /** Parts of a community that no grid covers. */
  gaps: z.array(
    z.object({ communityCode: z.string(), areaM2: z.number(), geometry: AreaGeometrySchema }),
  ),
  /** Where two grids cover the same ground. */
  overlaps: z.array(
    z.object({
      gridCodes: z.tuple([z.string(), z.string()]),
      areaM2: z.number(),
      geometry: AreaGeometrySchema,
    }),
  ),
  /** Grids reaching outside their community. */
  outside: z.array(
    z.object({
      gridCode: z.string(),
      communityCode: z.string(),
      areaM2: z.number(),
      geometry: AreaGeometrySchema,
    }),
  ),
  /** Buildings in no grid, or in two or more. */
  buildings: z.array(
    z.object({
      buildingId: z.number().int(),
      name: z.string(),
      gridCodes: z.array(z.string()),
      problem: z.enum(['no_grid', 'several_grids']),
    }),
  ),
  /** True when none of the above was found. */
  clean: z.boolean(),
});
export type GridQualityReport = z.infer<typeof GridQualityReportSchema>;
