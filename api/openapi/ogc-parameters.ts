import type { Collection, CollectionProperty } from '../db/collections';
import { CRS84, SUPPORTED_CRS } from '../domain/crs';
import type { JsonSchema } from './json-schema';

/**
 * OGC API Features page sizes, the one place they are set: api/ogc/items-params.ts applies
 * them (clamping larger values to the maximum), the OpenAPI document advertises them. GIS
 * clients such as GDAL page by the advertised default, so it is large enough to copy a layer
 * in a few requests (1,000 features of a district's grids are about 1 MB of GeoJSON).
 */
export const LIMIT = { min: 1, max: 10_000, default: 1_000 };

const CRS_LIST = SUPPORTED_CRS.map((crs) => crs.uri).join(', ');
const crsParameter = (name: string, what: string): JsonSchema => ({
  name,
  in: 'query',
  required: false,
  description: `${what} Supported: ${CRS_LIST} (also \`EPSG:4326\`-style short forms). Default: ${CRS84}.`,
  schema: { type: 'string', format: 'uri', default: CRS84 },
  style: 'form',
  explode: false,
});

/** Parameters shared by the collections, as `components.parameters` (OGC Part 1, 2 and 3). */
export const OGC_PARAMETERS: Record<string, JsonSchema> = {
  bbox: {
    name: 'bbox',
    in: 'query',
    required: false,
    description:
      '范围 Only features that intersect this box: minx,miny,maxx,maxy (or 6 numbers with heights), in the axis order of `bbox-crs`.',
    schema: {
      type: 'array',
      oneOf: [
        { minItems: 4, maxItems: 4 },
        { minItems: 6, maxItems: 6 },
      ],
      items: { type: 'number' },
    },
    style: 'form',
    explode: false,
  },
  'bbox-crs': crsParameter('bbox-crs', '`bbox` 的坐标系 The CRS of `bbox`.'),
  crs: crsParameter('crs', '输出坐标系 The CRS of the geometries in the answer.'),
  limit: {
    name: 'limit',
    in: 'query',
    required: false,
    description: `每页要素数 Features per page; larger values are clamped to ${LIMIT.max}.`,
    schema: { type: 'integer', minimum: LIMIT.min, maximum: LIMIT.max, default: LIMIT.default },
    style: 'form',
    explode: false,
  },
  datetime: {
    name: 'datetime',
    in: 'query',
    required: false,
    description:
      '时间 An RFC 3339 instant or interval (`start/end`, `../end`, `start/..`) the feature time must fall in.',
    schema: { type: 'string' },
    style: 'form',
    explode: false,
  },
  cursor: {
    name: 'cursor',
    in: 'query',
    required: false,
    description: '分页令牌 Opaque paging token: follow the `next`/`prev` links as given.',
    schema: { type: 'string' },
  },
  filter: {
    name: 'filter',
    in: 'query',
    required: false,
    description: 'CQL2 过滤 A CQL2 text filter over the queryables of the collection.',
    schema: { type: 'string' },
  },
  'filter-lang': {
    name: 'filter-lang',
    in: 'query',
    required: false,
    description: '过滤语言 The language of `filter`.',
    schema: { type: 'string', enum: ['cql2-text'], default: 'cql2-text' },
  },
  'filter-crs': {
    name: 'filter-crs',
    in: 'query',
    required: false,
    description: '过滤坐标系 The CRS of geometries in `filter` (CRS84 only).',
    schema: { type: 'string', format: 'uri', enum: [CRS84], default: CRS84 },
  },
  f: {
    name: 'f',
    in: 'query',
    required: false,
    description: '格式 Format of the answer.',
    schema: { type: 'string', enum: ['json'] },
  },
  'f-features': {
    name: 'f',
    in: 'query',
    required: false,
    description: '格式 Format of the answer (both give GeoJSON).',
    schema: { type: 'string', enum: ['json', 'geojson'] },
  },
};

export const parameterRef = (name: keyof typeof OGC_PARAMETERS) => ({
  $ref: `#/components/parameters/${name}`,
});

const PROPERTY_TYPES: Record<CollectionProperty['type'], JsonSchema> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  datetime: { type: 'string', format: 'date-time' },
};

/** A catalog property as an OpenAPI 3.0 schema (values may be null unless `nullable` is false). */
export function propertySchema(property: CollectionProperty, nullable = true): JsonSchema {
  const values = property.enum ? [...property.enum, ...(nullable ? [null] : [])] : undefined;
  if (property.list) {
    return { title: property.title, type: 'array', items: PROPERTY_TYPES[property.type] };
  }
  return {
    title: property.title,
    ...PROPERTY_TYPES[property.type],
    ...(values ? { enum: values } : {}),
    ...(nullable ? { nullable: true } : {}),
  };
}

/** The items parameters of `collection` beyond the shared ones. */
export function collectionParameters(collection: Collection): JsonSchema[] {
  const names = collection.properties.map((property) => property.name);
  const plainFilters = collection.properties
    .filter((property) => property.filter)
    .map((property) => ({
      name: property.name,
      in: 'query',
      required: false,
      description: `${property.title}: 等于 equal to this value.`,
      schema: propertySchema(property, false),
    }));
  return [
    {
      name: 'properties',
      in: 'query',
      required: false,
      description: '返回的属性 Only these properties in the answer (comma-separated).',
      schema: { type: 'array', items: { type: 'string', enum: names } },
      style: 'form',
      explode: false,
    },
    ...plainFilters,
  ];
}

/** The `{featureId}` path parameter of `collection`. */
export function featureIdParameter(collection: Collection): JsonSchema {
  return {
    name: 'featureId',
    in: 'path',
    required: true,
    description: `要素编号 The feature's \`${collection.idColumn}\`.`,
    schema: { type: collection.idType },
  };
}
