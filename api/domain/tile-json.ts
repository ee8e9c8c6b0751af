import type { LngLatBounds } from './tile-math';

/** The attribute types TileJSON `vector_layers[].fields` names (the tippecanoe convention). */
export type TileFieldType = 'String' | 'Number' | 'Boolean';

/** One layer of a vector tile set, as TileJSON describes it. */
export interface VectorLayer {
  id: string;
  description: string;
  minzoom: number;
  maxzoom: number;
  fields: Record<string, TileFieldType>;
}

/** A TileJSON 3.0.0 document (the members this API fills in). */
export interface TileJson {
  tilejson: '3.0.0';
  name: string;
  description: string;
  scheme: 'xyz';
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  bounds: LngLatBounds;
  center: [number, number, number];
  vector_layers: VectorLayer[];
}

export interface TileJsonInput {
  name: string;
  description: string;
  /** Absolute URL template with `{z}/{x}/{y}`. */
  tileUrl: string;
  bounds: LngLatBounds;
  center: [number, number, number];
  layers: VectorLayer[];
}

/**
 * A TileJSON 3.0.0 document for a tile set: its zoom range is the union of its layers' ranges,
 * so clients request no tile in which no layer can have features.
 */
export function buildTileJson(input: TileJsonInput): TileJson {
  return {
    tilejson: '3.0.0',
    name: input.name,
    description: input.description,
    scheme: 'xyz',
    tiles: [input.tileUrl],
    minzoom: Math.min(...input.layers.map((layer) => layer.minzoom)),
    maxzoom: Math.max(...input.layers.map((layer) => layer.maxzoom)),
    bounds: input.bounds,
    center: input.center,
    vector_layers: input.layers,
  };
}
