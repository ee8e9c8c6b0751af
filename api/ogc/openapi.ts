import { COLLECTION_IDS, COLLECTIONS, type Collection } from '../db/collections';
import type { Permission } from '../domain/permissions';
import type { ErrorStatusCode } from '../openapi/error-body';
import { errorResponseComponents, errorResponseRefs } from '../openapi/error-responses';
import { componentRef, componentSchemas, type JsonSchema } from '../openapi/json-schema';
import { OGC_SCHEMAS, geometrySchemaName } from '../openapi/ogc-schemas';
import {
  OGC_PARAMETERS,
  collectionParameters,
  featureIdParameter,
  parameterRef,
  propertySchema,
} from '../openapi/ogc-parameters';
import { bilingual, describePermission, type Bilingual } from '../openapi/operation';
import { EITHER_SCHEME, SECURITY_SCHEMES } from '../openapi/security-schemes';
import { BD09_URI, GCJ02_URI } from '../domain/crs';
import { CSV_TYPE, GEOJSON, GPKG_TYPE, JSON_TYPE, OPENAPI_30, SCHEMA_JSON } from './links';

/** Every OGC route declares `allow('layers:read')` (api/ogc/routes.ts). */
const OGC_PERMISSION: Permission = 'layers:read';
const ERRORS: ErrorStatusCode[] = [400, 401, 403, 404, 429];

const NON_STANDARD_CRS =
  `GCJ-02（高德/腾讯）与 BD-09（百度）没有 EPSG 编码，本服务用自定的非标准 URI：\`${GCJ02_URI}\`、\`${BD09_URI}\`（经度在前，也可写 \`GCJ-02\`、\`BD-09\`）。` +
  ` GCJ-02 (Gaode, Tencent) and BD-09 (Baidu) have no EPSG code: this service names them with its own, non-standard URIs \`${GCJ02_URI}\` and \`${BD09_URI}\` (longitude first; \`GCJ-02\` and \`BD-09\` also work), converted per coordinate from WGS84.`;

const CONTENT_CRS = {
  'Content-Crs': {
    description: `几何坐标系 The CRS of the geometries, as \`<uri>\`. ${NON_STANDARD_CRS}`,
    schema: { type: 'string' },
  },
};

/** `f` of items: GeoJSON, or a page as a CSV or GeoPackage file. */
const ITEMS_F = {
  name: 'f',
  in: 'query',
  required: false,
  description:
    '格式 Format: `json`/`geojson` (GeoJSON), `csv` (UTF-8 with BOM; points as `lng`,`lat`, other geometries as `wkt`) or `gpkg` (GeoPackage). CSV and GeoPackage are attachments of the same page as JSON (same `limit`, next page in the `Link` header): a whole collection takes paging, a `limit` up to the maximum, or `npm run export`. They accept the longitude/latitude CRSs only (not EPSG:3857).',
  schema: { type: 'string', enum: ['json', 'geojson', 'csv', 'gpkg'] },
};

/** `encoding` of a CSV: our own parameter, for older Excel that reads only GBK. */
const ITEMS_ENCODING = {
  name: 'encoding',
  in: 'query',
  required: false,
  description:
    '编码（仅 CSV，非标准参数）：`utf-8`（默认，带 BOM）或 `gbk`（旧版 Excel）。 CSV encoding (our own, non-standard parameter): `utf-8` (default, with a BOM) or `gbk` for older Excel.',
  schema: { type: 'string', enum: ['utf-8', 'gbk'], default: 'utf-8' },
};

const FILE_HEADERS = {
  ...CONTENT_CRS,
  'Content-Disposition': {
    description: '附件文件名（CSV、GeoPackage）Files only: an attachment named like `grids.csv`.',
    schema: { type: 'string' },
  },
  Link: {
    description:
      '分页（CSV、GeoPackage）Files only: the next and previous pages (`rel="next"`, `rel="prev"`), RFC 8288.',
    schema: { type: 'string' },
  },
};

const pascal = (id: string) => id.replace(/(^|-)(\w)/g, (_, _dash, c: string) => c.toUpperCase());
const ref = (name: string) => ({ $ref: componentRef(name) });

interface OperationSpec {
  operationId: string;
  tag: string;
  summary: Bilingual;
  parameters: JsonSchema[];
  ok: { description: Bilingual; mediaType: string; schema: JsonSchema; headers?: JsonSchema };
  /** Other media types of the same answer (items as CSV and GeoPackage files). */
  alternatives?: Record<string, JsonSchema>;
  /** The route looks up a collection or feature by id, so it can answer 404. */
  lookup?: boolean;
  extraPermission?: Permission;
}

function operation(spec: OperationSpec): JsonSchema {
  const { ok, extraPermission } = spec;
  const permissionText = [OGC_PERMISSION, ...(extraPermission ? [extraPermission] : [])]
    .map((permission) => describePermission(permission))
    .join(' ');
  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: bilingual(spec.summary),
    description: permissionText,
    'x-permission': OGC_PERMISSION,
    ...(extraPermission ? { 'x-extra-permission': extraPermission } : {}),
    parameters: spec.parameters,
    responses: {
      200: {
        description: bilingual(ok.description),
        ...(ok.headers ? { headers: ok.headers } : {}),
        content: { [ok.mediaType]: { schema: ok.schema }, ...spec.alternatives },
      },
      ...errorResponseRefs(ERRORS.filter((status) => status !== 404 || spec.lookup)),
    },
  };
}

const json = (zh: string, en: string, schema: JsonSchema) => ({
  description: { zh, en },
  mediaType: JSON_TYPE,
  schema,
});

function capabilityPaths(): Record<string, JsonSchema> {
  const f = [parameterRef('f')];
  const collectionId = {
    name: 'collectionId',
    in: 'path',
    required: true,
    description: '图层编号 Collection id',
    schema: { type: 'string', enum: [...COLLECTION_IDS] },
  };
  const capability = (
    operationId: string,
    summary: Bilingual,
    ok: OperationSpec['ok'],
    extra: Partial<OperationSpec> = {},
  ) => ({
    get: operation({ operationId, tag: 'capabilities', summary, parameters: f, ok, ...extra }),
  });
  return {
    '/': capability(
      'getLandingPage',
      { zh: '服务首页', en: 'Landing page' },
      json('服务首页及链接', 'The landing page and its links', ref('LandingPage')),
    ),
    '/conformance': capability(
      'getConformance',
      { zh: '符合性声明', en: 'Conformance classes' },
      json('所符合的标准类', 'The conformance classes this service passes', ref('Conformance')),
    ),
    '/api': capability(
      'getApiDefinition',
      { zh: '接口定义', en: 'API definition' },
      {
        description: { zh: '本 OpenAPI 3.0 文档', en: 'This OpenAPI 3.0 document' },
        mediaType: OPENAPI_30,
        schema: { type: 'object' },
      },
    ),
    '/collections': capability(
      'getCollections',
      { zh: '图层列表', en: 'Collections' },
      json('调用者可读的图层', 'The collections the caller may read', ref('Collections')),
    ),
    '/collections/{collectionId}': capability(
      'describeCollection',
      { zh: '图层描述', en: 'Describe a collection' },
      json('图层及其范围', 'The collection and its extent', ref('CollectionInfo')),
      { parameters: [collectionId, ...f], lookup: true },
    ),
  };
}

function collectionSchemas(collection: Collection): Record<string, JsonSchema> {
  const name = pascal(collection.id);
  const geometry = ref(geometrySchemaName(collection.geometryType));
  const properties = Object.fromEntries(
    collection.properties.map((p) => [p.name, propertySchema(p, p.nullable)]),
  );
  return {
    [`${name}Properties`]: { type: 'object', title: collection.title, properties },
    [`${name}Feature`]: {
      type: 'object',
      required: ['type', 'geometry', 'properties'],
      properties: {
        type: { type: 'string', enum: ['Feature'] },
        id: { type: collection.idType },
        geometry: collection.geometryNullable ? { allOf: [geometry], nullable: true } : geometry,
        properties: ref(`${name}Properties`),
        links: { type: 'array', items: ref('Link') },
      },
    },
    [`${name}FeatureCollection`]: {
      type: 'object',
      required: ['type', 'features'],
      properties: {
        type: { type: 'string', enum: ['FeatureCollection'] },
        features: { type: 'array', items: ref(`${name}Feature`) },
        links: { type: 'array', items: ref('Link') },
        numberMatched: { type: 'integer', minimum: 0 },
        numberReturned: { type: 'integer', minimum: 0 },
        timeStamp: { type: 'string', format: 'date-time' },
      },
    },
  };
}

function collectionPaths(collection: Collection): Record<string, JsonSchema> {
  const { id, title, extraPermission } = collection;
  const name = pascal(id);
  const base = `/collections/${id}`;
  const common = { tag: id, ...(extraPermission ? { extraPermission } : {}) };
  const shared = ['bbox', 'bbox-crs', 'crs', 'limit', 'cursor', 'filter', 'filter-lang'] as const;
  const items: JsonSchema[] = [
    ...shared.map(parameterRef),
    parameterRef('filter-crs'),
    ...(collection.temporalColumn ? [parameterRef('datetime')] : []),
    ...collectionParameters(collection),
    ITEMS_F,
    ITEMS_ENCODING,
  ];
  const geojson = (zh: string, en: string, schema: string) => ({
    description: { zh, en },
    mediaType: GEOJSON,
    schema: ref(schema),
    headers: CONTENT_CRS,
  });
  return {
    [`${base}/items`]: {
      get: operation({
        ...common,
        operationId: `get${name}Features`,
        summary: { zh: `${title}：要素`, en: 'Features' },
        parameters: items,
        ok: {
          ...geojson('一页要素', 'A page of features', `${name}FeatureCollection`),
          headers: FILE_HEADERS,
        },
        alternatives: {
          [CSV_TYPE]: { schema: { type: 'string' } },
          [GPKG_TYPE]: { schema: { type: 'string', format: 'binary' } },
        },
      }),
    },
    [`${base}/items/{featureId}`]: {
      get: operation({
        ...common,
        operationId: `get${name}Feature`,
        summary: { zh: `${title}：单个要素`, en: 'One feature' },
        parameters: [
          featureIdParameter(collection),
          parameterRef('crs'),
          parameterRef('f-features'),
        ],
        ok: geojson('要素', 'The feature', `${name}Feature`),
        lookup: true,
      }),
    },
    [`${base}/queryables`]: {
      get: operation({
        ...common,
        operationId: `get${name}Queryables`,
        summary: { zh: `${title}：可查询属性`, en: 'Queryables' },
        parameters: [parameterRef('f')],
        ok: {
          description: { zh: 'CQL2 可用的属性', en: 'What a CQL2 filter may name (JSON Schema)' },
          mediaType: SCHEMA_JSON,
          schema: { type: 'object' },
        },
      }),
    },
  };
}

const INFO = {
  title: '一屏 Yiping — OGC API Features',
  version: '1.0.0',
  description: [
    '网格化治理图层，符合 OGC API – Features 第 1–3 部分（核心、GeoJSON、OpenAPI 3.0、坐标系、CQL2 过滤）。',
    'Community governance layers as OGC API – Features Parts 1–3 (core, GeoJSON, OpenAPI 3.0, CRS, CQL2 filters).',
    `导出 Export: items as CSV or GeoPackage files (\`f=csv\`, \`f=gpkg\`), in WGS84, CGCS2000, GCJ-02 or BD-09 (\`crs=\`). ${NON_STANDARD_CRS}`,
    '认证 Authentication: `Authorization: Bearer <API key>` or the session cookie; the data are limited to the caller’s areas.',
  ].join('\n\n'),
};

let template: JsonSchema | undefined;

function buildTemplate(): JsonSchema {
  const collections = COLLECTION_IDS.map((id) => COLLECTIONS[id]);
  return {
    openapi: '3.0.3',
    info: INFO,
    tags: [
      { name: 'capabilities', description: '服务能力 Capabilities' },
      ...collections.map((c) => ({ name: c.id, description: `${c.title}. ${c.description}` })),
    ],
    security: EITHER_SCHEME,
    paths: Object.assign(capabilityPaths(), ...collections.map(collectionPaths)),
    components: {
      schemas: Object.assign(
        componentSchemas(OGC_SCHEMAS, 'openapi-3.0'),
        ...collections.map(collectionSchemas),
      ),
      parameters: OGC_PARAMETERS,
      responses: errorResponseComponents(ERRORS),
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

/**
 * The OpenAPI 3.0.3 document of the OGC API – Features surface (`oas30` conformance class),
 * generated from the collection catalog. Takes the origin (`http://host:port`) or the OGC base
 * URL (`…/ogc`); the server entry is always the OGC base URL. Serve it at `/ogc/api` as
 * `application/vnd.oai.openapi+json;version=3.0`.
 */
export function buildOgcOpenApi(origin: string): JsonSchema {
  template ??= buildTemplate();
  const base = `${origin.replace(/\/+$/, '').replace(/\/ogc$/, '')}/ogc`;
  return { ...template, servers: [{ url: base, description: 'OGC API Features' }] };
}
