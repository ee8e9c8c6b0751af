import type { BasemapCrs } from '../config-basemap';
import type { ScopedClient } from '../db/scoped';
import { convertPosition } from '../domain/china-crs';
import { tablesExtent } from '../db/tiles-bounds';
import { vectorLayerOf, type TileLayerSpec } from '../db/tiles-layers';
import { buildTileJson, type TileJson } from '../domain/tile-json';
import {
  boundsCenter,
  clampBounds,
  type LngLatBounds,
  TILEJSON_MAX_ZOOM,
} from '../domain/tile-math';

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

/** Bounds shifted like the tiles: each corner moved from WGS84 to `crs`. */
function boundsIn(bounds: LngLatBounds, crs: BasemapCrs): LngLatBounds {
  if (crs === 'wgs84') return bounds;
  const [w, s] = convertPosition([bounds[0], bounds[1]], 'wgs84', crs);
  const [e, n] = convertPosition([bounds[2], bounds[3]], 'wgs84', crs);
  return [w ?? bounds[0], s ?? bounds[1], e ?? bounds[2], n ?? bounds[3]];
}

/**
 * The TileJSON 3.0.0 document of a tile set for one caller, with absolute tile URLs. For a
 * shifted set (`crs` gcj02) the tile URLs carry `?crs=gcj02` and the bounds are shifted too.
 */
export async function tileSetJson(
  client: ScopedClient,
  info: TileSetInfo,
  origin: string,
  crs: BasemapCrs = 'wgs84',
): Promise<TileJson> {
  const extent = await tablesExtent(client, [...info.boundsTables, 'admin_areas']);
  const bounds = clampBounds(extent && boundsIn(extent, crs));
  const layers = info.layers.map(vectorLayerOf);
  const minzoom = Math.min(...layers.map((layer) => layer.minzoom));
  return buildTileJson({
    name: info.name,
    description: info.description,
    tileUrl: `${origin}/tiles/${info.id}/{z}/{x}/{y}.mvt${crs === 'wgs84' ? '' : `?crs=${crs}`}`,
    bounds,
    center: boundsCenter(bounds, minzoom, TILEJSON_MAX_ZOOM),
    layers,
  });
}
