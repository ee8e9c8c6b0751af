import { Hono } from 'hono';
import { findCollection, type Collection } from '../db/collections';
import type { ScopedRunner } from '../db/scoped';
import { renderTile, type TileEncoder } from '../db/tiles';
import { BASEMAP_TILE_LAYERS } from '../db/tiles-basemap';
import { collectionTileLayer } from '../db/tiles-layers';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { roleAllows } from '../domain/permissions';
import type { Principal } from '../domain/principal';
import { parseTileAddress } from '../domain/tile-math';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { publicOriginOf } from '../http/public-origin';
import { sendTile, stripSuffix } from '../http/tile-response';
import { tileSetJson, type TileSetInfo } from './tilejson';

export { tileEncoderFor } from '../db/tiles';

export interface TileRoutesDeps {
  /** Scoped database access: every tile is read under the caller's row-level security. */
  scoped: ScopedRunner;
  /** Chosen once from the database's capabilities (`tileEncoderFor`); tests may force either. */
  encoder: TileEncoder;
}

const BASEMAP: TileSetInfo = {
  id: 'basemap',
  name: '底图 Basemap',
  description:
    '离线底图：水系、道路、建筑、行政区划及其标注。Offline basemap: water, roads, buildings, admin areas and their labels.',
  layers: BASEMAP_TILE_LAYERS,
  boundsTables: ['water_areas', 'roads'],
};

/** The collection named in the path, after checking the caller may read it. */
function readableCollection(id: string, principal: Principal): Collection {
  const collection = findCollection(id);
  if (!collection) throw new NotFoundError(`No tile set named "${id}".`);
  const extra = collection.extraPermission;
  if (extra && !roleAllows(principal.role, extra)) {
    throw new ForbiddenError(
      `The role ${principal.role} may not read ${collection.id} tiles (needs ${extra}).`,
    );
  }
  return collection;
}

function collectionSet(collection: Collection): TileSetInfo {
  return {
    id: collection.id,
    name: collection.title,
    description: collection.description,
    layers: [collectionTileLayer(collection)],
    boundsTables: [collection.table],
  };
}

/** TileJSON bounds follow the caller's scope and the data: private, and kept only briefly. */
const TILEJSON_CACHE_HEADERS = {
  'Cache-Control': 'private, max-age=60',
  Vary: 'Authorization, Cookie',
};

/**
 * Vector tiles and their TileJSON: `/basemap/{z}/{x}/{y}.mvt`, `/basemap.json`,
 * `/{collection}/{z}/{x}/{y}.mvt` and `/{collection}.json` for every collection of the catalog.
 * Mount under `/tiles`.
 */
export function tileRoutes({ scoped, encoder }: TileRoutesDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const origin = publicOriginOf;

  routes.get('/basemap.json', allow('layers:read'), async (c) => {
    const principal = requirePrincipal(c);
    const body = await scoped(principal, (client) => tileSetJson(client, BASEMAP, origin(c)));
    return c.json(body, 200, TILEJSON_CACHE_HEADERS);
  });

  routes.get('/basemap/:z/:x/:y', allow('layers:read'), async (c) => {
    const principal = requirePrincipal(c);
    const { z, x, y } = c.req.param();
    const tile = parseTileAddress({ z, x, y: stripSuffix(y, '.mvt') });
    const bytes = await scoped(principal, (client) =>
      renderTile(client, BASEMAP_TILE_LAYERS, tile, encoder),
    );
    return sendTile(c, bytes, false);
  });

  routes.get('/:name', allow('layers:read'), async (c) => {
    const principal = requirePrincipal(c);
    const collection = readableCollection(stripSuffix(c.req.param('name'), '.json'), principal);
    const info = collectionSet(collection);
    const body = await scoped(principal, (client) => tileSetJson(client, info, origin(c)));
    return c.json(body, 200, TILEJSON_CACHE_HEADERS);
  });

  routes.get('/:collection/:z/:x/:y', allow('layers:read'), async (c) => {
    const principal = requirePrincipal(c);
    const { collection: id, z, x, y } = c.req.param();
    const collection = readableCollection(id, principal);
    const tile = parseTileAddress({ z, x, y: stripSuffix(y, '.mvt') });
    const layers = [collectionTileLayer(collection)];
    const bytes = await scoped(principal, (client) => renderTile(client, layers, tile, encoder));
    return sendTile(c, bytes, collection.live);
  });

  return routes;
}
