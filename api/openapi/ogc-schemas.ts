import { z } from 'zod';
import { ErrorBodySchema } from './error-body';
import type { NamedSchema } from './json-schema';

/** The fixed shapes of OGC API – Features documents (Part 1 §7, §8 and GeoJSON), as zod. */
export const LinkSchema = z.looseObject({
  href: z.string(),
  rel: z.string(),
  type: z.string().optional(),
  title: z.string().optional(),
});

export const LandingPageSchema = z.looseObject({
  title: z.string().optional(),
  description: z.string().optional(),
  links: z.array(LinkSchema),
});

export const ConformanceSchema = z.looseObject({ conformsTo: z.array(z.string()) });

const BboxSchema = z.array(z.number()).min(4).max(6);

export const ExtentSchema = z.looseObject({
  spatial: z
    .looseObject({ bbox: z.array(BboxSchema).min(1), crs: z.string().optional() })
    .optional(),
  temporal: z
    .looseObject({
      interval: z.array(z.array(z.string().nullable()).length(2)).min(1),
      trs: z.string().optional(),
    })
    .optional(),
});

export const CollectionInfoSchema = z.looseObject({
  id: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  itemType: z.string().optional(),
  extent: ExtentSchema.optional(),
  crs: z.array(z.string()).optional(),
  storageCrs: z.string().optional(),
  links: z.array(LinkSchema),
});

export const CollectionsSchema = z.looseObject({
  links: z.array(LinkSchema),
  collections: z.array(CollectionInfoSchema),
});

const Position = z.array(z.number()).min(2).max(3);
const LineCoordinates = z.array(Position).min(2);
const PolygonCoordinates = z.array(z.array(Position).min(4));

/** GeoJSON geometries (RFC 7946) of the four kinds the catalog uses. */
export const GEOMETRY_SCHEMAS = {
  Point: z.object({ type: z.literal('Point'), coordinates: Position }),
  LineString: z.object({ type: z.literal('LineString'), coordinates: LineCoordinates }),
  Polygon: z.object({ type: z.literal('Polygon'), coordinates: PolygonCoordinates }),
  MultiPolygon: z.object({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(PolygonCoordinates),
  }),
} as const;
export type GeometryKind = keyof typeof GEOMETRY_SCHEMAS;
export const geometrySchemaName = (kind: GeometryKind) => `${kind}Geometry`;

/**
 * Errors under `/ogc` carry the OGC exception fields (`code`, `description`) beside the API's
 * usual `error` object (api/http/error-handler.ts).
 */
export const OgcErrorBodySchema = ErrorBodySchema.extend({
  code: z.string().meta({ description: 'OGC 异常码 OGC exception code, e.g. NotFound' }),
  description: z.string(),
});

/** The OGC shapes published as `components.schemas` of the OGC document. */
export const OGC_SCHEMAS: readonly NamedSchema[] = [
  { name: 'ErrorBody', schema: OgcErrorBodySchema, io: 'output' },
  { name: 'Link', schema: LinkSchema, io: 'output' },
  { name: 'LandingPage', schema: LandingPageSchema, io: 'output' },
  { name: 'Conformance', schema: ConformanceSchema, io: 'output' },
  { name: 'Extent', schema: ExtentSchema, io: 'output' },
  { name: 'CollectionInfo', schema: CollectionInfoSchema, io: 'output' },
  { name: 'Collections', schema: CollectionsSchema, io: 'output' },
  ...Object.entries(GEOMETRY_SCHEMAS).map(([kind, schema]) => ({
    name: geometrySchemaName(kind as GeometryKind),
    schema,
    io: 'output' as const,
  })),
];
