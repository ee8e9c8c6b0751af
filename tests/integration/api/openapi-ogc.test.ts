import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COLLECTION_IDS } from '../../../api/db/collections';
import { declaredRoutes } from '../../../api/http/policy';
import { buildOgcOpenApi } from '../../../api/ogc/openapi';
import { toOpenApiPath } from '../../../api/openapi/operation';
import { call, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

const db = useTestDatabase();
const IP = '10.74.0.1';

interface Document {
  paths: Record<string, Record<string, { 'x-permission': string }>>;
  components: { schemas: Record<string, z.core.JSONSchema.JSONSchema> };
}
const document = buildOgcOpenApi('http://localhost') as unknown as Document;

/** A documented path as the route pattern that answers it (`/collections/grids/…` → `{collectionId}`). */
function routePattern(path: string): string {
  const ids = COLLECTION_IDS.join('|');
  return `/ogc${path === '/' ? '' : path}`.replace(
    new RegExp(`^/ogc/collections/(${ids})(?=/)`),
    '/ogc/collections/{collectionId}',
  );
}

describe('the OGC API document', () => {
  it('describes each OGC route the app answers, and only those, with their permission', () => {
    const answered = declaredRoutes(createTestApp(db()))
      .filter((route) => route.path === '/ogc' || route.path.startsWith('/ogc/'))
      .map((route) => `${route.method} ${toOpenApiPath(route.path)} ${route.permission}`);
    const described = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(
        ([method, op]) => `${method.toUpperCase()} ${routePattern(path)} ${op['x-permission']}`,
      ),
    );
    expect([...new Set(described)].sort()).toEqual([...new Set(answered)].sort());
  });

  it('is what /ogc/api serves, and it validates as OpenAPI 3.0', async () => {
    const { district } = await areaCodes(db());
    const { key } = await makeKey(db(), 'api_consumer', [district]);
    const app = createTestApp(db());
    const response = await call(
      app,
      '/ogc/api',
      { headers: { Authorization: `Bearer ${key}` } },
      IP,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(
      'application/vnd.oai.openapi+json;version=3.0',
    );
    const served = (await response.json()) as { servers: { url: string }[] };
    expect(served.servers[0]?.url).toMatch(/^http:\/\/[^/]+\/ogc$/);
    const result = await new Validator().validate(served as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('describes the error body /ogc really sends', async () => {
    const app = createTestApp(db());
    const errorBody = z.fromJSONSchema(document.components.schemas.ErrorBody!);
    const answer = await call(app, '/ogc/collections/grids/items', {}, IP);
    expect(answer.status).toBe(401);
    expect(errorBody.safeParse(await answer.json()).error?.issues).toBeUndefined();
  });
});
