import { randomInt } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { declaredRoutes } from '../../../api/http/policy';
import { toOpenApiPath } from '../../../api/openapi/operation';
import { call, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';

const db = useTestDatabase();
/** This file's own client address, so its requests never share a rate-limit bucket. */
const IP = '10.71.0.1';

interface Document {
  openapi: string;
  paths: Record<string, Record<string, { 'x-permission'?: string }>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

async function fetchDocument(app = createTestApp(db())): Promise<Document> {
  const response = await call(app, '/api/openapi.json', {}, IP);
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
  return (await response.json()) as Document;
}

/** `METHOD /path {permission}` for each operation of the document. */
function documented(document: Document): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(
      ([method, op]) => `${method.toUpperCase()} ${path} ${op['x-permission']}`,
    ),
  );
}

/** The error body schema as published, turned back into a validator. */
const publishedErrorBody = (document: Document) =>
  z.fromJSONSchema(document.components.schemas.ErrorBody as z.core.JSONSchema.JSONSchema);

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('lists exactly the /api/v1 routes the app answers, with the permission each declares', async () => {
    const app = createTestApp(db());
    const answered = declaredRoutes(app)
      .filter((route) => route.path.startsWith('/api/v1/'))
      .map((route) => `${route.method} ${toOpenApiPath(route.path)} ${route.permission}`);
    const described = documented(await fetchDocument(app));
    expect(answered.length).toBeGreaterThan(5);
    expect(described.filter((entry) => entry.includes(' /api/v1/')).sort()).toEqual(
      answered.sort(),
    );
  });

  it('describes no operation the app does not answer', async () => {
    const app = createTestApp(db());
    const answered = new Set(
      declaredRoutes(app).map((r) => `${r.method} ${toOpenApiPath(r.path)} ${r.permission}`),
    );
    const missing = documented(await fetchDocument(app)).filter((entry) => !answered.has(entry));
    expect(missing).toEqual([]);
  });

  it('describes the error body the app really sends (401, 404, 400)', async () => {
    const app = createTestApp(db());
    const errorBody = publishedErrorBody(await fetchDocument(app));
    const answers = await Promise.all([
      call(app, '/api/v1/users', {}, IP),
      call(app, '/api/v1/no-such-route', {}, IP),
      call(
        app,
        '/api/v1/auth/login',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: '' }),
        },
        IP,
      ),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([401, 404, 400]);
    for (const answer of answers) {
      const body: unknown = await answer.json();
      expect(errorBody.safeParse(body).error?.issues).toBeUndefined();
    }
    expect(errorBody.safeParse({ message: 'not our shape' }).success).toBe(false);
  });

  it('describes 429 with Retry-After, as the rate limit sends it', async () => {
    const app = createTestApp(db(), { limits: { perIpPerMinute: 1 } });
    const ip = `10.72.${randomInt(256)}.${randomInt(256)}`;
    await call(app, '/api/v1/auth/me', {}, ip);
    const limited = await call(app, '/api/v1/auth/me', {}, ip);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/);
    const document = await fetchDocument();
    expect(publishedErrorBody(document).safeParse(await limited.json()).success).toBe(true);
  });
});
