import type { Feature, MultiPolygon } from 'geojson';

/** A bounding box as `[[west, south], [east, north]]`, the shape MapLibre's fitBounds takes. */
export type Bounds = [[number, number], [number, number]];

/** The bounding box of some multipolygon features, or null when there are none. */
export function boundsOf(features: readonly Feature<MultiPolygon>[]): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const feature of features) {
    for (const polygon of feature.geometry.coordinates) {
      for (const [lng = NaN, lat = NaN] of polygon[0] ?? []) {
        west = Math.min(west, lng);
        east = Math.max(east, lng);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
    }
  }
  return Number.isFinite(west + south + east + north)
    ? [
        [west, south],
        [east, north],
      ]
    : null;
}
