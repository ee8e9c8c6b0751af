import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context } from 'hono';
import { NotFoundError } from '../domain/errors';
import type { AppEnv } from './env';

const gzipAsync = promisify(gzip);

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

/**
 * Tiles depend on who asks (row-level security), so caches may keep them only per caller
 * (`private`, `Vary`); live layers change by the minute, static ones rarely.
 */
export function tileCacheHeaders(live: boolean): Record<string, string> {
  return {
    'Cache-Control': `private, max-age=${live ? 10 : 3600}`,
    Vary: 'Authorization, Cookie, Accept-Encoding',
  };
}

/** True when Accept-Encoding admits gzip (explicitly or through `*`) with a non-zero q. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let wildcard = false;
  for (const part of header.split(',')) {
    const [coding = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    const accepted = q === undefined || Number(q) > 0;
    if (coding.trim() === 'gzip') return accepted;
    if (coding.trim() === '*') wildcard = accepted;
  }
  return wildcard;
}

/** The entity tags `If-None-Match` lists (weak or strong), without quotes; `*` kept as is. */
function listedTags(header: string | undefined): string[] {
  if (!header) return [];
  return header.split(',').map((tag) => tag.trim().replace(/^W\//, '').replace(/^"|"$/g, ''));
}

/** Tile bytes with their strong ETag, and the gzipped bytes once made (kept by the tile cache). */
export interface PreparedTile {
  bytes: Uint8Array;
  /** SHA-256 of `bytes`, base64url: the strong ETag. */
  hash: string;
  gzipped?: Uint8Array;
}

/** Hashes freshly rendered tile bytes. */
export function prepareTile(bytes: Uint8Array): PreparedTile {
  return { bytes, hash: createHash('sha256').update(bytes).digest('base64url') };
}

/**
 * Sends a tile: 204 when empty; otherwise a strong ETag (SHA-256 of the tile), 304 when
 * `If-None-Match` names it, and gzip when the client accepts it — done here because the app's
 * compress middleware skips this content type. The gzipped variant has its own tag (`-gzip`)
 * as strong tags must; either tag revalidates the tile. Gzipped bytes are kept on `tile`, so a
 * cached tile is compressed once.
 */
export async function sendTile(
  c: Context<AppEnv>,
  rendered: PreparedTile | Uint8Array,
  live: boolean,
): Promise<Response> {
  const tile = rendered instanceof Uint8Array ? prepareTile(rendered) : rendered;
  const headers = tileCacheHeaders(live);
  if (tile.bytes.byteLength === 0) return c.body(null, 204, headers);
  const { hash } = tile;
  const gzipped = acceptsGzip(c.req.header('Accept-Encoding'));
  const etag = `"${gzipped ? `${hash}-gzip` : hash}"`;
  const listed = listedTags(c.req.header('If-None-Match'));
  if (listed.some((tag) => tag === '*' || tag === hash || tag === `${hash}-gzip`)) {
    return c.body(null, 304, { ...headers, ETag: etag });
  }
  if (gzipped) tile.gzipped ??= new Uint8Array(await gzipAsync(tile.bytes));
  // A Response body takes a plain ArrayBuffer-backed view; slice() makes one without sharing.
  const body = (gzipped ? tile.gzipped! : tile.bytes).slice();
  return c.body(body, 200, {
    ...headers,
    ETag: etag,
    'Content-Type': MVT_CONTENT_TYPE,
    ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
  });
}

/**
 * `3.mvt` → `3`. Plain `:param` routes rather than regex ones keep the route list readable
 * (policy audit, OpenAPI); a segment without the suffix is a path we do not serve.
 */
export function stripSuffix(segment: string, suffix: '.mvt' | '.json'): string {
  if (!segment.endsWith(suffix)) throw new NotFoundError(`Tile paths end in ${suffix}.`);
  return segment.slice(0, -suffix.length);
}
