import { fromVectorTileJs, GeoJSONWrapper, type Feature } from '@maplibre/vt-pbf';
import type { Geometry, Position } from 'geojson';
import { TILE_EXTENT } from './tile-math';

/** A property value an MVT can carry; null means "absent" and is left out. */
export type TileValue = string | number | boolean | null;

/** A feature ready for encoding: geometry already in tile coordinates (0..extent, y down). */
export interface TileFeature {
  geometry: Geometry;
  properties: Record<string, TileValue>;
}

export interface TileLayerData {
  name: string;
  features: readonly TileFeature[];
}

type Pair = [number, number];
const pair = (position: Position): Pair => [position[0] ?? 0, position[1] ?? 0];
const line = (positions: Position[]): Pair[] => positions.map(pair);

/**
 * One GeoJSON geometry as the MVT geometry model of vt-pbf: type 1 (points: one list of
 * positions), 2 (lines: a list of lines) or 3 (polygons: every ring of every part, in order;
 * readers tell exterior rings from holes by their winding, so rings keep theirs).
 */
function toMvtFeature(geometry: Geometry, tags: TileFeature['properties']): Feature | undefined {
  switch (geometry.type) {
    case 'Point':
      return { type: 1, geometry: [pair(geometry.coordinates)], tags };
    case 'MultiPoint':
      return { type: 1, geometry: line(geometry.coordinates), tags };
    case 'LineString':
      return { type: 2, geometry: [line(geometry.coordinates)], tags };
    case 'MultiLineString':
      return { type: 2, geometry: geometry.coordinates.map(line), tags };
    case 'Polygon':
      return { type: 3, geometry: geometry.coordinates.map(line), tags };
    case 'MultiPolygon':
      return { type: 3, geometry: geometry.coordinates.flat().map(line), tags };
    default:
      return undefined;
  }
}

/**
 * Encodes layers into one Mapbox Vector Tile (spec version 2, extent 4096) — the JavaScript twin
 * of PostGIS `ST_AsMVT` for databases without it. The caller prepares geometry exactly as for
 * ST_AsMVT (clipped, simplified, integer tile coordinates, exterior rings clockwise on screen);
 * this only serialises. Layers without features are left out, as ST_AsMVT leaves them out.
 */
export function encodeTile(layers: readonly TileLayerData[]): Uint8Array {
  const options = { version: 2, extent: TILE_EXTENT };
  const wrapped: Record<string, GeoJSONWrapper> = {};
  for (const layer of layers) {
    const features = layer.features.flatMap((f) => toMvtFeature(f.geometry, f.properties) ?? []);
    if (!features.length) continue;
    const wrapper = new GeoJSONWrapper(features, options);
    wrapper.name = layer.name;
    wrapped[layer.name] = wrapper;
  }
  return fromVectorTileJs({ layers: wrapped });
}
