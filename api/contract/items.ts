import { z } from 'zod';
import {
  AdminAreaPropertiesSchema,
  BuildingPropertiesSchema,
  GridPropertiesSchema,
  RoadPropertiesSchema,
} from './item-areas';
import { GEOMETRY_SCHEMAS, type GeometryType } from './item-geometry';
import { IncidentPropertiesSchema } from './item-incidents';
import {
  CameraPropertiesSchema,
  MemberPropertiesSchema,
  ServicePointPropertiesSchema,
} from './item-places';

export * from './item-areas';
export * from './item-describe';
export * from './item-geometry';
export * from './item-incidents';
export * from './item-places';

/** The layers every read surface (OGC API Features, vector tiles, styles) serves. */
export const COLLECTION_IDS = [
  'admin-areas',
  'grids',
  'members',
  'cameras',
  'service-points',
  'buildings',
  'roads',
  'incidents',
] as const;
export type CollectionId = (typeof COLLECTION_IDS)[number];

/** What an item of one collection is on the wire: its id, its geometry and its properties. */
export interface ItemContract {
  idType: 'string' | 'integer';
  geometryType: GeometryType;
  /** Items may have no geometry (a member who never reported a position). */
  geometryNullable?: true;
  properties: z.ZodObject;
}

/**
 * The item contract of every collection: the one declaration the catalogue (api/db/collections),
 * the queryables, TileJSON fields, the OGC OpenAPI schemas and the web's parsing derive from.
 */
export const ITEM_CONTRACTS = {
  'admin-areas': {
    idType: 'string',
    geometryType: 'MultiPolygon',
    properties: AdminAreaPropertiesSchema,
  },
  grids: { idType: 'string', geometryType: 'Polygon', properties: GridPropertiesSchema },
  members: {
    idType: 'string',
    geometryType: 'Point',
    geometryNullable: true,
    properties: MemberPropertiesSchema,
  },
  cameras: { idType: 'string', geometryType: 'Point', properties: CameraPropertiesSchema },
  'service-points': {
    idType: 'string',
    geometryType: 'Point',
    properties: ServicePointPropertiesSchema,
  },
  buildings: { idType: 'integer', geometryType: 'Polygon', properties: BuildingPropertiesSchema },
  roads: { idType: 'integer', geometryType: 'LineString', properties: RoadPropertiesSchema },
  incidents: { idType: 'string', geometryType: 'Point', properties: IncidentPropertiesSchema },
} as const satisfies Record<CollectionId, ItemContract>;

type Contracts = typeof ITEM_CONTRACTS;

/** The properties of a collection's items as the API sends them (all of them). */
export type ItemProperties<C extends CollectionId> = z.infer<Contracts[C]['properties']>;

/** A property name of a collection's items. */
export type ItemPropertyName<C extends CollectionId> = keyof ItemProperties<C> & string;

type GeometrySchemaOf<C extends ItemContract> = C['geometryNullable'] extends true
  ? z.ZodNullable<(typeof GEOMETRY_SCHEMAS)[C['geometryType']]>
  : (typeof GEOMETRY_SCHEMAS)[C['geometryType']];

type IdSchemaOf<C extends ItemContract> = C['idType'] extends 'integer' ? z.ZodInt : z.ZodString;

/** The schema of a GeoJSON Feature of a collection, carrying `properties` (all or a subset). */
export type FeatureSchema<C extends ItemContract, P extends z.ZodObject> = z.ZodObject<{
  type: z.ZodLiteral<'Feature'>;
  id: IdSchemaOf<C>;
  geometry: GeometrySchemaOf<C>;
  properties: P;
}>;

/**
 * The Feature schema of a collection's items with these `properties`: the contract's own, a
 * `.pick()` of it for a client that asks for some (`?properties=`), or `.strict()` for tests.
 * Build it once per use, not per feature.
 */
export function featureSchema<C extends ItemContract, P extends z.ZodObject>(
  contract: C,
  properties: P,
): FeatureSchema<C, P> {
  const geometry = GEOMETRY_SCHEMAS[contract.geometryType];
  return z.object({
    type: z.literal('Feature'),
    id: contract.idType === 'integer' ? z.int() : z.string(),
    geometry: contract.geometryNullable ? geometry.nullable() : geometry,
    properties,
  }) as unknown as FeatureSchema<C, P>;
}
