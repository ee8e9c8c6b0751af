import { Hono, type Context } from 'hono';
import type { BasemapCrs } from '../config-basemap';
import type { ScopedRunner } from '../db/scoped';
import { renderTile, type TileEncoder } from '../db/tiles';
import type { TileVersionReader } from '../db/tiles-versions';
import type { Principal } from '../domain/principal';
import { scopePatterns } from '../domain/scopes';
import { parseTileAddress, type TileAddress } from '../domain/tile-math';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { publicOriginOf } from '../http/public-origin';
import { prepareTile, sendTile, stripSuffix, type PreparedTile } from '../http/tile-response';
import { tileCrsOf } from './tile-crs';
import { TileCache } from './tile-cache';
import { BASEMAP, resolveTileSet } from './tile-sets';
import { tileSetJson, type TileSetInfo } from './tilejson';

export { tileEncoderFor } from '../db/tiles';

/** Memory the tile cache may hold by default: about 3,000 district tiles. */
export const DEFAULT_TILE_CACHE_BYTES = 64 * 1024 * 1024;

export interface TileRoutesDeps {
  /** Scoped database access: every tile is read under the caller's row-level security. */
  scoped: ScopedRunner;
  /** Chosen once from the database's capabilities (`tileEncoderFor`); tests may force either. */
  encoder: TileEncoder;
  /**
   * The versions of cacheable layers (`tileVersionReader`). Given, tiles of layers that
   * rarely change are kept in memory per version, scope and address; absent, nothing is.
   */
  versions?: TileVersionReader;
  /** The tile cache's budget in bytes (DEFAULT_TILE_CACHE_BYTES). */
  cacheBytes?: number;
}

/** TileJSON bounds follow the caller's scope and the data: private, and kept only briefly. */
const TILEJSON_CACHE_HEADERS = {
  'Cache-Control': 'private, max-age=60',
  Vary: 'Authorization, Cookie',
};

/**
 * The cache key of a tile for a caller, or null when the set is not cacheable: a live layer,
 * or a table without a version. The key holds every input of the bytes: the set, the
 * versions of its tables, the caller's scope patterns (row-level security), the CRS the tile
 * is drawn in (shifted GCJ-02 tiles apart from WGS84 ones) and the address.
 */
function cacheKey(
  info: TileSetInfo,
  versions: ReadonlyMap<string, number>,
  principal: Principal,
  tile: TileAddress,
  crs: BasemapCrs,
): string | null {
  if (info.live) return null;
  const tables = [...new Set(info.layers.map((layer) => layer.table))];
  const stamps = tables.map((table) => versions.get(table));
  if (stamps.some((stamp) => stamp === undefined)) return null;
  const scope = scopePatterns(principal.scopes).join(',');
  return `${info.id}|${stamps.join('.')}|${scope}|${crs}|${tile.z}/${tile.x}/${tile.y}`;
}

/** Renders a tile, or takes it from the cache when its layers have not changed since. */
function tileSource(deps: TileRoutesDeps) {
  const cache = new TileCache(deps.cacheBytes ?? DEFAULT_TILE_CACHE_BYTES);
  const render = async (
    info: TileSetInfo,
    principal: Principal,
    tile: TileAddress,
    crs: BasemapCrs,
  ) =>
    prepareTile(
      await deps.scoped(principal, (client) =>
        renderTile(client, info.layers, tile, deps.encoder, crs),
      ),
    );
  return async (c: Context<AppEnv>, info: TileSetInfo, tile: TileAddress): Promise<Response> => {
    const principal = requirePrincipal(c);
    const crs = tileCrsOf(c);
    const key =
      deps.versions && !info.live
        ? cacheKey(info, await deps.versions(), principal, tile, crs)
        : null;
    const cached = key ? cache.get(key) : undefined;
    const prepared: PreparedTile = cached ?? (await render(info, principal, tile, crs));
    const hadGzip = prepared.gzipped !== undefined;
    const response = await sendTile(c, prepared, info.live);
    if (key && (!cached || (!hadGzip && prepared.gzipped))) cache.set(key, prepared);
    return response;
  };
}

const tileAddress = (c: Context<AppEnv>) => {
  const { z, x, y } = c.req.param() as { z: string; x: string; y: string };
  return parseTileAddress({ z, x, y: stripSuffix(y, '.mvt') });
};

/**
 * Vector tiles and their TileJSON: `/basemap/{z}/{x}/{y}.mvt`, `/basemap.json`,
 * `/{set}/{z}/{x}/{y}.mvt` and `/{set}.json`, where a set is one collection of the catalog or
 * several joined by commas (`grids,cameras`: one tile with a layer each). Mount under `/tiles`.
 */
export function tileRoutes(deps: TileRoutesDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const origin = publicOriginOf;
  const sendTileOf = tileSource(deps);
  const sendTileJson = async (c: Context<AppEnv>, info: TileSetInfo) => {
    const principal = requirePrincipal(c);
    const crs = tileCrsOf(c);
    const body = await deps.scoped(principal, (client) =>
      tileSetJson(client, info, origin(c), crs),
    );
    return c.json(body, 200, TILEJSON_CACHE_HEADERS);
  };

  routes.get('/basemap.json', allow('layers:read'), (c) => sendTileJson(c, BASEMAP));

  routes.get('/basemap/:z/:x/:y', allow('layers:read'), (c) =>
    sendTileOf(c, BASEMAP, tileAddress(c)),
  );

  routes.get('/:name', allow('layers:read'), (c) => {
    const name = stripSuffix(c.req.param('name'), '.json');
    return sendTileJson(c, resolveTileSet(name, requirePrincipal(c)));
  });

  routes.get('/:collection/:z/:x/:y', allow('layers:read'), (c) => {
    const info = resolveTileSet(c.req.param('collection'), requirePrincipal(c));
    return sendTileOf(c, info, tileAddress(c));
  });

  return routes;
}
