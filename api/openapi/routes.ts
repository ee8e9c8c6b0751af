import { Hono } from 'hono';
import { NotFoundError } from '../domain/errors';
import type { AppEnv } from '../http/env';
import { allow } from '../http/policy';
import { DOCS_HTML, readDocsAsset } from './docs-page';
import { buildApiOpenApi } from './document';
import type { JsonSchema } from './json-schema';

/**
 * `/api/openapi.json` (the OpenAPI 3.1 document) and `/api/docs` (Swagger UI served from
 * node_modules). Both are public: they describe the API and reveal no data. Mount at `/api`.
 */
export function openApiRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  let document: JsonSchema | undefined;

  routes.get('/openapi.json', allow('public'), (c) => {
    document ??= buildApiOpenApi();
    c.header('Cache-Control', 'no-cache');
    return c.json(document);
  });

  routes.get('/docs', allow('public'), (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(DOCS_HTML);
  });

  routes.get('/docs/:file', allow('public'), async (c) => {
    const asset = await readDocsAsset(c.req.param('file'));
    if (!asset) throw new NotFoundError(`No documentation file ${c.req.param('file')}.`);
    return c.body(asset.body, 200, {
      'Content-Type': asset.contentType,
      'Cache-Control': 'public, max-age=3600',
    });
  });

  return routes;
}
