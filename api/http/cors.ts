import type { MiddlewareHandler } from 'hono';
import { isCrossOriginPath } from '../contract/surfaces';
import type { AppEnv } from './env';

/**
 * The read surfaces other origins' map clients use are the cross-origin surfaces of
 * api/contract/surfaces.ts (MapLibre styles, vector tiles and TileJSON, OGC API – Features
 * with its OpenAPI document) and, beside them, the API's OpenAPI document.
 */
const READ_DOCUMENTS = new Set(['/api/openapi.json']);

/** Whether `path` belongs to a read surface (CORS, and embeddable cross-origin). */
export function isReadSurface(path: string): boolean {
  return READ_DOCUMENTS.has(path) || isCrossOriginPath(path);
}

const ALLOW_METHODS = 'GET, HEAD, OPTIONS';
/** Headers a map client sends: a bearer key, content and CRS negotiation, revalidation. */
const ALLOW_HEADERS =
  'Authorization, Accept, Accept-Crs, Accept-Language, If-None-Match, If-Modified-Since';
/** Headers a page may read beyond the safelisted ones. */
const EXPOSE_HEADERS = 'Content-Crs, Link, ETag, Retry-After, Content-Encoding';
/** Browsers cap this (Chromium at 2 hours); ten minutes keeps a changed policy prompt. */
const PREFLIGHT_SECONDS = '600';

/** The `Access-Control-Allow-Origin` value for `origin`, or null when it may not read. */
function allowedOrigin(allowed: '*' | readonly string[], origin: string | undefined) {
  if (allowed === '*') return '*';
  return origin !== undefined && allowed.includes(origin) ? origin : null;
}

/** Adds `value` to a comma-separated `Vary` header unless it is already there. */
function addVary(headers: Headers, value: string): void {
  const current = headers.get('Vary');
  const names = current ? current.split(',').map((name) => name.trim().toLowerCase()) : [];
  if (names.includes('*') || names.includes(value.toLowerCase())) return;
  headers.set('Vary', current ? `${current}, ${value}` : value);
}

/**
 * CORS for the read surfaces: preflights answered 204 with the methods and headers a map
 * client needs; answers (errors included) carry `Access-Control-Allow-Origin` for an allowed
 * origin and expose `Content-Crs`, `Link` and `ETag`. Never `Allow-Credentials`: other origins
 * sign in with a bearer key only (authenticate ignores the session cookie from them), which is
 * why `*` is a safe default. Everything else (writes, the stream, log-in) gets no CORS at all.
 */
export function corsForReadSurfaces(allowed: '*' | readonly string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!isReadSurface(c.req.path)) return next();
    const allow = allowedOrigin(allowed, c.req.header('Origin'));
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers({ Allow: ALLOW_METHODS, Vary: 'Origin' });
      if (allow && c.req.header('Access-Control-Request-Method')) {
        headers.set('Access-Control-Allow-Origin', allow);
        headers.set('Access-Control-Allow-Methods', ALLOW_METHODS);
        headers.set('Access-Control-Allow-Headers', ALLOW_HEADERS);
        headers.set('Access-Control-Max-Age', PREFLIGHT_SECONDS);
      }
      return c.body(null, 204, Object.fromEntries(headers));
    }
    await next();
    if (allow) {
      c.res.headers.set('Access-Control-Allow-Origin', allow);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
    // Even with `*` the answer depends on Origin: a foreign one makes the cookie count for nothing.
    addVary(c.res.headers, 'Origin');
  };
}
