import type { Collection } from '../db/collections';
import type { CollectionExtent } from '../db/collection-extent';
import { CQL2_CONFORMANCE } from '../domain/cql2';
import { CRS84, SUPPORTED_CRS } from '../domain/crs';
import { GEOJSON, ITEM_FILE_FORMATS, JSON_TYPE, type Link, OPENAPI_30, SCHEMA_JSON } from './links';

const FEATURES = 'http://www.opengis.net/spec/ogcapi-features';

/** The conformance classes this surface passes (OGC API Features Parts 1–3, CQL2). */
export const CONFORMANCE = [
  `${FEATURES}-1/1.0/conf/core`,
  `${FEATURES}-1/1.0/conf/geojson`,
  `${FEATURES}-1/1.0/conf/oas30`,
  `${FEATURES}-2/1.0/conf/crs`,
  `${FEATURES}-3/1.0/conf/filter`,
  `${FEATURES}-3/1.0/conf/features-filter`,
  `${FEATURES}-3/1.0/conf/queryables`,
  `${FEATURES}-3/1.0/conf/queryables-query-parameters`,
  ...CQL2_CONFORMANCE,
];

const REL = 'http://www.opengis.net/def/rel/ogc/1.0';

/** `/ogc`: what this service is and where its parts are. */
export function landingPage(base: string) {
  return {
    title: '一屏 Yiping — 网格化治理图层 Community governance layers',
    description:
      '网格、网格员、视频监控、15分钟生活圈服务点、建筑、道路与事件，符合 OGC API – Features。' +
      ' Grids, members, cameras, service points, buildings, roads and incidents as OGC API – Features.',
    links: [
      { href: `${base}`, rel: 'self', type: JSON_TYPE, title: '本页 This document' },
      { href: `${base}/api`, rel: 'service-desc', type: OPENAPI_30, title: 'OpenAPI 3.0' },
      {
        href: `${base}/conformance`,
        rel: 'conformance',
        type: JSON_TYPE,
        title: '符合性 Conformance',
      },
      { href: `${base}/conformance`, rel: `${REL}/conformance`, type: JSON_TYPE },
      { href: `${base}/collections`, rel: 'data', type: JSON_TYPE, title: '图层 Collections' },
      { href: `${base}/collections`, rel: `${REL}/data`, type: JSON_TYPE },
    ] satisfies Link[],
  };
}

/** One collection's description, with its extent in the caller's scope. */
export function collectionDocument(base: string, collection: Collection, extent: CollectionExtent) {
  const href = `${base}/collections/${collection.id}`;
  return {
    id: collection.id,
    title: collection.title,
    description: collection.description,
    itemType: 'feature',
    extent: {
      spatial: { bbox: [extent.bbox ?? [-180, -90, 180, 90]], crs: CRS84 },
      ...(extent.interval
        ? {
            temporal: {
              interval: [extent.interval],
              trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian',
            },
          }
        : {}),
    },
    crs: SUPPORTED_CRS.map((crs) => crs.uri),
    storageCrs: CRS84,
    links: [
      { href, rel: 'self', type: JSON_TYPE, title: collection.title },
      { href: `${href}/items`, rel: 'items', type: GEOJSON, title: '要素 Features' },
      ...ITEM_FILE_FORMATS.map(({ f, type, title }) => ({
        href: `${href}/items?f=${f}`,
        rel: 'items',
        type,
        title,
      })),
      {
        href: `${href}/queryables`,
        rel: `${REL}/queryables`,
        type: SCHEMA_JSON,
        title: '可查询属性 Queryables',
      },
      {
        href: `${base.replace(/\/ogc$/, '')}/tiles/${collection.id}.json`,
        rel: 'describedby',
        type: JSON_TYPE,
        title: 'TileJSON',
      },
    ] satisfies Link[],
  };
}

const JSON_SCHEMA_TYPE: Record<Collection['properties'][number]['type'], object> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  datetime: { type: 'string', format: 'date-time' },
};

const GEOMETRY_FORMAT: Record<Collection['geometryType'], string> = {
  Point: 'geometry-point',
  LineString: 'geometry-linestring',
  Polygon: 'geometry-polygon',
  MultiPolygon: 'geometry-multipolygon',
};

/** `/collections/{id}/queryables`: what a CQL2 filter may name, as JSON Schema. */
export function queryablesDocument(base: string, collection: Collection) {
  const properties: Record<string, object> = {
    geom: {
      title: '几何 Geometry',
      format: GEOMETRY_FORMAT[collection.geometryType],
      'x-ogc-role': 'primary-geometry',
    },
  };
  for (const property of collection.properties) {
    if (property.sql) continue;
    properties[property.name] = {
      title: property.title,
      ...JSON_SCHEMA_TYPE[property.type],
      ...(property.enum ? { enum: property.enum } : {}),
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${base}/collections/${collection.id}/queryables`,
    type: 'object',
    title: collection.title,
    properties,
    additionalProperties: false,
  };
}
