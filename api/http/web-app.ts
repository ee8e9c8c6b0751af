import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './env';
import { allow } from './policy';

/** Prefixes that belong to the API; everything else may be a client-side route of the web app. */
const API_PREFIXES = ['/api', '/ogc', '/tiles', '/styles', '/open311', '/healthz', '/readyz'];

/**
 * Serves the built web app from `webDir` (hashed assets cached for a year) and answers other
 * GET paths with index.html so client-side routes survive a reload.
 */
export function mountWebApp(app: Hono<AppEnv>, webDir: string): void {
  const root = path.relative(process.cwd(), webDir) || '.';
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('*', serveStatic({ root }));
  app.get('*', allow('public'), async (c, next) => {
    const indexFile = path.join(webDir, 'index.html');
    if (API_PREFIXES.some((prefix) => c.req.path.startsWith(prefix)) || !existsSync(indexFile)) {
      return next();
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(await readFile(indexFile, 'utf8'));
  });
}
