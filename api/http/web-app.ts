import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { surfaceOfPath } from '../contract/surfaces';
import type { AppEnv } from './env';
import { allow } from './policy';

/**
 * Serves the built web app from `webDir` (hashed assets cached for a year) and answers other
 * GET paths with index.html so client-side routes survive a reload. A path of a server surface
 * (api/contract/surfaces.ts) never gets the page: it falls through to the not-found answer.
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
    if (surfaceOfPath(c.req.path) !== undefined || !existsSync(indexFile)) {
      return next();
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(await readFile(indexFile, 'utf8'));
  });
}
