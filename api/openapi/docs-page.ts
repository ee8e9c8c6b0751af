import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Where the documentation page and its files are served. */
export const DOCS_PATH = '/api/docs';
export const OPENAPI_PATH = '/api/openapi.json';

/** Files of `swagger-ui-dist` the page uses, with their media types. Nothing else is served. */
const SWAGGER_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

/** The start-up script: a served file, because the Content-Security-Policy forbids inline script. */
const INIT_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '${OPENAPI_PATH}',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;

/** The page: Swagger UI from our own origin only (works offline, no CDN). */
export const DOCS_HTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>一屏接口文档 · Yiping API</title>
    <link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css" />
    <link rel="stylesheet" href="${DOCS_PATH}/index.css" />
    <link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-32x32.png" sizes="32x32" />
    <link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-16x16.png" sizes="16x16" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
    <script src="${DOCS_PATH}/init.js"></script>
  </body>
</html>
`;

export interface DocsAsset {
  body: Uint8Array<ArrayBuffer> | string;
  contentType: string;
}

const swaggerDir = () => path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist'));
const cache = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/** A file of the page by its name under `/api/docs/`, or undefined for any other name. */
export async function readDocsAsset(name: string): Promise<DocsAsset | undefined> {
  if (name === 'init.js') {
    return { body: INIT_SCRIPT, contentType: 'text/javascript; charset=utf-8' };
  }
  const contentType = Object.hasOwn(SWAGGER_FILES, name) ? SWAGGER_FILES[name] : undefined;
  if (!contentType) return undefined;
  let body = cache.get(name);
  if (!body) {
    body = readFile(path.join(swaggerDir(), name)).then((bytes) => new Uint8Array(bytes));
    cache.set(name, body);
  }
  return { body: await body, contentType };
}
