import { z } from 'zod';

/** `[lng, lat]` in WGS84 (or the requested CRS's axis order): items carry 2D positions only. */
export const PositionSchema = z.tuple([z.number(), z.number()]);

export const PointGeometrySchema = z.object({
  type: z.literal('Point'),
  coordinates: PositionSchema,
});

export const LineStringGeometrySchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(PositionSchema),
});

export const PolygonGeometrySchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(PositionSchema)),
});

export const MultiPolygonGeometrySchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(PositionSchema))),
});

/** The GeoJSON geometry of each geometry type a collection may have. */
export const GEOMETRY_SCHEMAS = {
  Point: PointGeometrySchema,
  LineString: LineStringGeometrySchema,
  Polygon: PolygonGeometrySchema,
  MultiPolygon: MultiPolygonGeometrySchema,
} as const;

/** The geometry type of a collection's items (its table's `geom` column). */
export type GeometryType = keyof typeof GEOMETRY_SCHEMAS;
