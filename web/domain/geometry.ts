import type { Feature, MultiPolygon, Position } from 'geojson';

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

/** Signed area and centroid of a ring (planar, in degrees — fine at district scale). */
function ringCentroid(ring: readonly Position[]): { area: number; lng: number; lat: number } {
  let twiceArea = 0;
  let lng = 0;
  let lat = 0;
  for (let i = 0; i < ring.length - 1; i += 1) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    lng += (x0 + x1) * cross;
    lat += (y0 + y1) * cross;
  }
  if (twiceArea === 0) return { area: 0, lng: ring[0]?.[0] ?? NaN, lat: ring[0]?.[1] ?? NaN };
  return { area: Math.abs(twiceArea / 2), lng: lng / (3 * twiceArea), lat: lat / (3 * twiceArea) };
}

/**
 * Where to put an area's label: the centroid of its largest polygon's outer ring.
 * Returns null for an empty geometry.
 */
export function labelPointOf(geometry: MultiPolygon): [number, number] | null {
  let best: { area: number; lng: number; lat: number } | null = null;
  for (const polygon of geometry.coordinates) {
    const outer = polygon[0];
    if (!outer || outer.length < 4) continue;
    const candidate = ringCentroid(outer);
    if (!best || candidate.area > best.area) best = candidate;
  }
  return best && Number.isFinite(best.lng + best.lat) ? [best.lng, best.lat] : null;
}
