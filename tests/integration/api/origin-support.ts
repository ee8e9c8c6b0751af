import { request, type IncomingHttpHeaders } from 'node:http';
import type { Database } from '../../../api/db/database';
import { createTestApp } from '../support/app';
import { listen } from '../stream/support';

/** An answer read whole: status, headers (lower-case names) and the body as text. */
export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A request over a real socket with any headers, `Host` included (fetch cannot forge it), so
 * the server sees exactly what a client or a proxy on 127.0.0.1 would send.
 */
export function rawRequest(
  base: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: init.method ?? 'GET',
        headers: init.headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

/** The real app with `env` on a free loopback port; the caller closes it. */
export async function serveWith(db: Database, env: Record<string, string> = {}) {
  return listen(createTestApp(db, { env }));
}

/** Paths on every surface whose answers carry absolute URLs built from the public origin. */
export const ABSOLUTE_URL_PATHS = [
  '/ogc',
  '/ogc/collections',
  '/ogc/collections/grids',
  '/ogc/collections/grids/items?limit=2',
  '/ogc/api',
  '/tiles/grids.json',
  '/tiles/basemap.json',
  '/styles',
  '/styles/dark.json',
  '/open311/v2/discovery.json',
] as const;
