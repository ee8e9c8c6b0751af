import type { ScopedClient } from '../db/scoped';
import { tablesExtent } from '../db/tiles-bounds';
import { vectorLayerOf, type TileLayerSpec } from '../db/tiles-layers';
import { buildTileJson, type TileJson } from '../domain/tile-json';
import { boundsCenter, clampBounds, TILEJSON_MAX_ZOOM } from '../domain/tile-math';

export interface TileSetInfo {
  /** The path segment of the tile set under /tiles (`grids`, `basemap`, `grids,cameras`). */
  id: string;
  name: string;
  description: string;
  layers: readonly TileLayerSpec[];
  /**
   * Tables whose extent, as the caller sees it, makes `bounds`. Admin areas belong to every
   * set: clients request no tile outside `bounds`, and live features (incidents, members)
   * may soon appear anywhere in the caller's areas, not just where they are now.
   */
  boundsTables: readonly string[];
  /** A live layer is in the set: short cache lifetimes, and no server-side tile cache. */
  live: boolean;
}

/** The TileJSON 3.0.0 document of a tile set for one caller, with absolute tile URLs. */
export async function tileSetJson(
  client: ScopedClient,
  info: TileSetInfo,
  origin: string,
): Promise<TileJson> {
  const bounds = clampBounds(await tablesExtent(client, [...info.boundsTables, 'admin_areas']));
  const layers = info.layers.map(vectorLayerOf);
  const minzoom = Math.min(...layers.map((layer) => layer.minzoom));
  return buildTileJson({
    name: info.name,
    description: info.description,
    tileUrl: `${origin}/tiles/${info.id}/{z}/{x}/{y}.mvt`,
    bounds,
    center: boundsCenter(bounds, minzoom, TILEJSON_MAX_ZOOM),
    layers,
  });
}
