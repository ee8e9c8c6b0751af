/**
 * The two pages the browser workload compares, built with Vite from this checkout: the app
 * (`dist/web`, which the API serves with `YIPING_SERVE_WEB=on`) and the bare deck.gl page, which
 * a small static server here serves together with the points it draws.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const BARE_SOURCE = path.join(import.meta.dirname, 'bare');
const BARE_OUT = path.join(ROOT, '.yiping/bench-bare');

/** Builds the app as `npm run build` does, and the bare page (both quietly). */
export async function buildPages(): Promise<void> {
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  await build({
    configFile: false,
    root: BARE_SOURCE,
    base: '/',
    publicDir: false,
    logLevel: 'warn',
    build: { outDir: BARE_OUT, emptyOutDir: true, chunkSizeWarningLimit: 4_000 },
  });
}

/** The bare page on a loopback port, drawing whatever `setPoints` gave it last. */
export interface BarePage {
  origin: string;
  setPoints(json: string): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** Serves the built bare page and `/points.json`. */
export async function serveBarePage(): Promise<BarePage> {
  let points = '{"type":"FeatureCollection","features":[]}';
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/points.json') {
      response.writeHead(200, { 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-store' });
      response.end(points);
      return;
    }
    const file = path.join(BARE_OUT, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(BARE_OUT)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'text/plain' });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setPoints: (json) => (points = json),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The incidents the wall draws by default (reported in the last 7 days), fetched as the wall
 * fetches them (OGC items, following `next` links), as one FeatureCollection for the bare page.
 */
export async function wallWindowItems(origin: string, key: string): Promise<string> {
  const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
  let url: string | undefined =
    `${origin}/ogc/collections/incidents/items?limit=10000&datetime=${since}/..`;
  const features: unknown[] = [];
  while (url) {
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${key}`, Accept: 'application/geo+json' },
    });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as {
      features: unknown[];
      links?: { rel: string; href: string }[];
    };
    features.push(...page.features);
    const next = page.links?.find((link) => link.rel === 'next')?.href;
    url = next ? new URL(next, url).toString() : undefined;
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}
