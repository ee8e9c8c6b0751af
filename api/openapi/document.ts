import type { z } from 'zod';
import { ERROR_STATUSES, type ErrorStatusCode } from './error-body';
import { errorResponseComponents, errorResponseRefs } from './error-responses';
import {
  componentSchemas,
  namedMap,
  toOpenApiSchema,
  type JsonSchema,
  type NamedSchema,
  type SchemaIo,
} from './json-schema';
import {
  bilingual,
  describePermission,
  errorStatuses,
  toOpenApiPath,
  type ApiOperation,
  type ApiResponse,
} from './operation';
import { API_OPERATIONS, API_SCHEMAS, API_TAGS } from './operations';
import { EITHER_SCHEME, SECURITY_SCHEMES } from './security-schemes';

type Convert = (schema: z.ZodType, io: SchemaIo) => JsonSchema;

const INFO = {
  title: '一屏 Yiping API',
  version: '1.0.0',
  description: [
    '一屏城市社区治理指挥平台的 REST 接口。图层数据请使用 OGC API Features（`/ogc`）和矢量瓦片（`/tiles`）。',
    'REST API of Yiping, the command-center platform for community governance. Layer data is read through OGC API Features (`/ogc`) and vector tiles (`/tiles`).',
    '认证 Authentication: `Authorization: Bearer <API key>`, or the session cookie from `POST /api/v1/auth/login`. 每个操作的 `x-permission` 说明所需权限 Each operation states its permission in `x-permission`.',
    '错误 Errors: `{ "error": { "code", "message", "issues": [{ "path", "message" }] } }`.',
  ].join('\n\n'),
};

/**
 * The OpenAPI 3.1 document of the REST API, generated from the operation declarations in this
 * folder and the zod contract (`z.toJSONSchema`, JSON Schema 2020-12).
 */
export function buildApiOpenApi(
  operations: readonly ApiOperation[] = API_OPERATIONS,
  schemas: readonly NamedSchema[] = API_SCHEMAS,
): JsonSchema {
  const named = namedMap(schemas);
  const convert: Convert = (schema, io) =>
    toOpenApiSchema(schema, { target: 'draft-2020-12', io, named });
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of operations) {
    const item = (paths[toOpenApiPath(operation.path)] ??= {});
    item[operation.method.toLowerCase()] = operationObject(operation, convert);
  }
  return {
    openapi: '3.1.0',
    info: INFO,
    tags: API_TAGS.map(({ name, description }) => ({ name, description: bilingual(description) })),
    security: EITHER_SCHEME,
    paths,
    components: {
      schemas: componentSchemas(schemas, 'draft-2020-12'),
      responses: errorResponseComponents(
        Object.keys(ERROR_STATUSES).map(Number) as ErrorStatusCode[],
      ),
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

function operationObject(operation: ApiOperation, convert: Convert): JsonSchema {
  const { description, permission } = operation;
  const parameters = [
    ...parametersOf(operation.params, 'path', convert),
    ...parametersOf(operation.query, 'query', convert),
  ];
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: bilingual(operation.summary),
    description: [
      ...(description ? [description.zh, description.en] : []),
      describePermission(permission),
    ].join('\n\n'),
    'x-permission': permission,
    ...(permission === 'public' ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: {
              [operation.bodyContentType ?? 'application/json']: {
                schema: convert(operation.body, 'input'),
              },
            },
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(operation.responses.map((r) => [String(r.status), answer(r, convert)])),
      ...errorResponseRefs(errorStatuses(operation)),
    },
  };
}

function answer(response: ApiResponse, convert: Convert): JsonSchema {
  const headers = Object.entries(response.headers ?? {}).map(([name, header]) => [
    name,
    { description: header.description, schema: convert(header.schema, 'output') },
  ]);
  return {
    description: bilingual(response.description),
    ...(headers.length ? { headers: Object.fromEntries(headers) } : {}),
    ...(response.schema
      ? {
          content: {
            [response.contentType ?? 'application/json']: {
              schema: convert(response.schema, 'output'),
            },
          },
        }
      : {}),
  };
}

function parametersOf(
  object: z.ZodObject | undefined,
  where: 'path' | 'query',
  convert: Convert,
): JsonSchema[] {
  return Object.entries(object?.shape ?? {}).map(([name, schema]) => {
    const json = convert(schema as z.ZodType, 'input');
    const required = where === 'path' || !(schema as z.ZodType).safeParse(undefined).success;
    return {
      name,
      in: where,
      required,
      ...(typeof json.description === 'string' ? { description: json.description } : {}),
      schema: json,
    };
  });
}
