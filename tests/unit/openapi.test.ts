import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LoginRequestSchema, MeSchema } from '../../api/contract/auth';
import { buildApiOpenApi } from '../../api/openapi/document';
import { toOpenApiSchema } from '../../api/openapi/json-schema';
import { errorStatuses, toOpenApiPath, type ApiOperation } from '../../api/openapi/operation';
import { API_OPERATIONS } from '../../api/openapi/operations';

/** A JSON value whose shape the test knows; `toEqual` and friends check it at run time. */
interface Json {
  [key: string]: Json;
}
type Operation = Record<string, unknown> & {
  responses: Record<string, unknown>;
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: unknown }> };
};
const document = buildApiOpenApi() as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};
const op = (path: string, method: string) => document.paths[path]![method]!;

const declared = (extra: Partial<ApiOperation>): ApiOperation => ({
  method: 'GET',
  path: '/api/v1/things',
  operationId: 'things',
  tag: 'test',
  permission: 'session',
  summary: { zh: '测试', en: 'Test' },
  responses: [],
  ...extra,
});

describe('the REST API document', () => {
  it('validates as OpenAPI 3.1', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('writes Hono path parameters the OpenAPI way', () => {
    expect(toOpenApiPath('/api/v1/users/:id')).toBe('/api/v1/users/{id}');
    expect(toOpenApiPath('/a/:x/b/:y_z')).toBe('/a/{x}/b/{y_z}');
  });

  it('refers to contract schemas as components generated from zod', () => {
    expect(op('/api/v1/auth/me', 'get').responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Me' } } },
    });
    expect(document.components.schemas.Me).toEqual(
      toOpenApiSchema(MeSchema, { target: 'draft-2020-12', io: 'output' }),
    );
    expect(document.components.schemas.LoginRequest).toEqual(
      toOpenApiSchema(LoginRequestSchema, { target: 'draft-2020-12', io: 'input' }),
    );
    expect(JSON.stringify(document)).not.toContain('$schema');
  });

  it('states every permission and bilingual summary, and opens public operations', () => {
    for (const operation of API_OPERATIONS) {
      const described = op(toOpenApiPath(operation.path), operation.method.toLowerCase());
      expect(described['x-permission']).toBe(operation.permission);
      expect(described.description).toContain(`\`${operation.permission}\``);
      expect(described.summary).toMatch(/[\u4e00-\u9fff].* [A-Za-z]/);
      expect(described.security).toEqual(operation.permission === 'public' ? [] : undefined);
    }
  });

  it('derives the error answers middleware can give', () => {
    expect(errorStatuses(declared({}))).toEqual([401, 403, 429]);
    expect(errorStatuses(declared({ permission: 'public', path: '/healthz' }))).toEqual([401]);
    expect(
      errorStatuses(declared({ method: 'POST', permission: 'public', body: z.object({}) })),
    ).toEqual([400, 401, 403, 413, 429]);
    expect(
      errorStatuses(declared({ params: z.object({ id: z.string() }), errors: [404] })),
    ).toEqual([400, 401, 403, 404, 429]);
  });

  it('gives each error status the one error body, and 429 its Retry-After', () => {
    const responses = (document as unknown as { components: { responses: Json } }).components
      .responses;
    for (const response of Object.values(responses)) {
      expect(response).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
      });
    }
    expect(responses).toHaveProperty(['TooManyRequests', 'headers', 'Retry-After']);
    expect(op('/api/v1/users', 'post').responses['409']).toEqual({
      $ref: '#/components/responses/Conflict',
    });
  });
});
