import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  isRateLimitedPath,
  SURFACE_NAMES,
  SURFACE_PATHS,
  surfaceOfPath,
} from '../../../api/contract/surfaces';
import type { AppEnv } from '../../../api/http/env';
import { allow } from '../../../api/http/policy';
import {
  errorRendererFor,
  mountSurfaces,
  renderJsonError,
  surfaceTable,
  type SurfaceParts,
} from '../../../api/http/surfaces';
import { mountWebApp } from '../../../api/http/web-app';
import viteConfig from '../../../vite.config';

const WEB_DIR = path.resolve(import.meta.dirname, '../../../web');

/** The Vite dev server's proxy keys, as RegExps. */
const proxied = Object.keys(viteConfig.server?.proxy ?? {}).map((key) => new RegExp(key));
const isProxied = (pathname: string) => proxied.some((pattern) => pattern.test(pathname));

const prefixes = SURFACE_NAMES.flatMap((name) =>
  SURFACE_PATHS[name].prefixes.map((prefix) => ({ name, prefix })),
);

/** A web app folder with an index.html, for the SPA fallback. */
function webAppWithIndex(): Hono<AppEnv> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yiping-web-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>wall</title>');
  const app = new Hono<AppEnv>();
  mountWebApp(app, dir);
  return app;
}

describe('the table of surfaces', () => {
  it.each(prefixes)(
    '$prefix ($name) is the server’s: limited, not the web app, proxied',
    ({ name, prefix }) => {
      for (const pathname of [prefix, `${prefix}/`, `${prefix}/anything/below`]) {
        expect(surfaceOfPath(pathname)).toBe(name);
        expect(isRateLimitedPath(pathname)).toBe(name !== 'health');
        expect(isProxied(pathname), pathname).toBe(true);
      }
    },
  );

  it('exempts only the health probes from the rate limit', () => {
    const exempt = SURFACE_NAMES.filter((name) => !SURFACE_PATHS[name].rateLimited);
    expect(exempt).toEqual(['health']);
  });

  it.each([
    '/',
    '/index.html',
    '/styles.css',
    '/assets/index-1a2b.js',
    '/ogcx',
    '/apiary',
    '/planning',
  ])('%s belongs to the web app: not limited, not proxied', (pathname) => {
    expect(surfaceOfPath(pathname)).toBeUndefined();
    expect(isRateLimitedPath(pathname)).toBe(false);
    expect(isProxied(pathname)).toBe(false);
  });

  it('proxies none of the web app’s own module paths in development', () => {
    const entries = readdirSync(WEB_DIR);
    expect(entries).toContain('server-state');
    for (const entry of entries) {
      expect(isProxied(`/${entry}`), entry).toBe(false);
      expect(isProxied(`/${entry}/module.ts`), entry).toBe(false);
    }
  });

  it('never answers a surface path with the web app’s page', async () => {
    const app = webAppWithIndex();
    expect((await app.request('/planning')).headers.get('Content-Type')).toContain('text/html');
    for (const { prefix } of prefixes) {
      expect((await app.request(`${prefix}/missing`)).status, prefix).toBe(404);
    }
  });
});

describe('mounting surfaces', () => {
  const parts = (routes: Partial<Record<string, Hono<AppEnv>>>) =>
    Object.fromEntries(
      SURFACE_NAMES.map((name) => [
        name,
        { routes: routes[name] ?? new Hono<AppEnv>(), renderError: renderJsonError },
      ]),
    ) as Record<(typeof SURFACE_NAMES)[number], SurfaceParts>;

  it('mounts each surface’s routes under its prefix', () => {
    const ogc = new Hono<AppEnv>().get('/conformance', allow('public'), (c) => c.text('ok'));
    const app = new Hono<AppEnv>();
    mountSurfaces(app, surfaceTable(parts({ ogc })));
    expect(app.routes.map((route) => route.path)).toContain('/ogc/conformance');
  });

  it('refuses a route outside its surface’s prefixes', () => {
    const health = new Hono<AppEnv>().get('/metrics', allow('public'), (c) => c.text('0'));
    expect(() => mountSurfaces(new Hono<AppEnv>(), surfaceTable(parts({ health })))).toThrow(
      /health surface.*\/metrics/,
    );
  });

  it('renders errors with the renderer of the request’s surface', () => {
    const renderOgc = () => new Response('ogc');
    const table = surfaceTable({
      ...parts({}),
      ogc: { routes: new Hono(), renderError: renderOgc },
    });
    const rendererFor = errorRendererFor(table);
    expect(rendererFor('/ogc/collections')).toBe(renderOgc);
    expect(rendererFor('/tiles/x')).toBe(renderJsonError);
    expect(rendererFor('/not-a-surface')).toBe(renderJsonError);
  });
});
