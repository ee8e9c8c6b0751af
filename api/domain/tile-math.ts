import { ValidationError, type ErrorIssue } from './errors';

/**
 * Web-Mercator tile arithmetic (XYZ scheme, y counted from the north) and the fixed parameters
 * of the tiles we serve. Pure: no I/O.
 */

/** Tile coordinates run 0..TILE_EXTENT on both axes (the MVT default). */
export const TILE_EXTENT = 4096;
/** Features reach this many tile pixels beyond the edge, so lines and labels join seamlessly. */
export const TILE_BUFFER_PX = 64;
/** The deepest zoom a tile may be asked for. */
export const MAX_TILE_ZOOM = 22;
/** The deepest zoom TileJSON advertises; clients overzoom beyond it (the geometry is exact enough). */
export const TILEJSON_MAX_ZOOM = 18;
/** At most this many features per layer in one tile; further ones are dropped in key order. */
export const MAX_FEATURES_PER_LAYER = 20_000;
/**
 * Point layers are thinned below this zoom: one feature per cell of POINT_CELL_PX tile units
 * (16 screen pixels on a 512-pixel tile), carrying `count`, the number of points it stands for.
 * Tile servers do the same (tippecanoe's clustering, Martin's and pg_tileserv's recipes), and it
 * keeps a tile under 500 KB when a city of 70,000 cameras or 240,000 incidents fills it.
 */
export const POINT_CLUSTER_BELOW_ZOOM = 13;
/** The property of a thinned point feature that says how many points it stands for. */
export const CLUSTER_COUNT_FIELD = 'count';
/**
 * The side of a thinning cell in tile units (4096 per tile): at most 32 × 32 features per
 * layer (a city's incidents at zoom 12 were 588 KB with cells half as wide).
 */
export const POINT_CELL_PX = 128;

/** The thinning cell of point layers at zoom `z`, or null where every point is kept. */
export function pointCellSize(z: number): number | null {
  return z < POINT_CLUSTER_BELOW_ZOOM ? POINT_CELL_PX : null;
}

/** The latitude limit of Web Mercator. */
export const MAX_MERCATOR_LAT = 85.0511287798066;

/** One tile of the XYZ pyramid. */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** West, south, east, north in degrees (TileJSON `bounds` order). */
export type LngLatBounds = [number, number, number, number];

export const WORLD_BOUNDS: LngLatBounds = [-180, -MAX_MERCATOR_LAT, 180, MAX_MERCATOR_LAT];

const INTEGER = /^(0|[1-9][0-9]{0,6})$/;

function parseIndex(name: string, raw: string, max: number, issues: ErrorIssue[]): number {
  const value = INTEGER.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isNaN(value)) {
    issues.push({ path: name, message: `${name} must be a whole number, not "${raw}".` });
  } else if (value > max) {
    issues.push({ path: name, message: `${name} must be between 0 and ${max}; got ${value}.` });
  }
  return value;
}

/**
 * Validates a tile address from URL path segments: z in 0..MAX_TILE_ZOOM, x and y in 0..2^z−1,
 * all plain decimal integers. Throws a ValidationError naming every bad segment.
 */
export function parseTileAddress(raw: { z: string; x: string; y: string }): TileAddress {
  const issues: ErrorIssue[] = [];
  const z = parseIndex('z', raw.z, MAX_TILE_ZOOM, issues);
  const last = Number.isNaN(z) || z > MAX_TILE_ZOOM ? Number.MAX_SAFE_INTEGER : 2 ** z - 1;
  const x = parseIndex('x', raw.x, last, issues);
  const y = parseIndex('y', raw.y, last, issues);
  if (issues.length) {
    throw new ValidationError(
      `Invalid tile address ${raw.z}/${raw.x}/${raw.y}: ${issues.map((i) => i.message).join(' ')}`,
      issues,
    );
  }
  return { z, x, y };
}

/**
 * Simplification tolerance in tile pixels: one pixel from zoom 12, coarser below, where a
 * tile spans a whole district and detail would only cost bytes.
 */
export function simplifyTolerance(z: number): number {
  if (z >= 12) return 1;
  if (z >= 8) return 2;
  return 4;
}

const mercatorY = (lat: number) =>
  Math.log(
    Math.tan(
      Math.PI / 4 + (Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat)) * Math.PI) / 360,
    ),
  );
const latitudeOf = (mercY: number) => (Math.atan(Math.exp(mercY)) * 360) / Math.PI - 90;

/** The tile's extent in degrees. */
export function tileBounds({ z, x, y }: TileAddress): LngLatBounds {
  const n = 2 ** z;
  const lngOf = (i: number) => (i / n) * 360 - 180;
  const latOf = (j: number) => latitudeOf(Math.PI * (1 - (2 * j) / n));
  return [lngOf(x), latOf(y + 1), lngOf(x + 1), latOf(y)];
}

/** The tile at zoom `z` that contains `[lng, lat]`. */
export function tileAt([lng, lat]: [number, number], z: number): TileAddress {
  const n = 2 ** z;
  const clamp = (i: number) => Math.max(0, Math.min(n - 1, Math.floor(i)));
  return {
    z,
    x: clamp(((lng + 180) / 360) * n),
    y: clamp(((1 - mercatorY(lat) / Math.PI) / 2) * n),
  };
}

/** Bounds clamped to the Web-Mercator world; the whole world when there are none. */
export function clampBounds(bounds: LngLatBounds | null): LngLatBounds {
  if (!bounds) return WORLD_BOUNDS;
  const [w, s, e, n] = bounds;
  const lng = (v: number) => Math.max(-180, Math.min(180, v));
  const lat = (v: number) => Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, v));
  return [lng(w), lat(s), lng(e), lat(n)];
}

/**
 * TileJSON `center`: the middle of `bounds` and the deepest zoom (within min..max) at which the
 * whole box fits in about 1024 pixels of 512-pixel tiles.
 */
export function boundsCenter(
  bounds: LngLatBounds,
  minzoom: number,
  maxzoom: number,
): [number, number, number] {
  const [w, s, e, n] = bounds;
  const widthShare = Math.max((e - w) / 360, 1e-9);
  const heightShare = Math.max((mercatorY(n) - mercatorY(s)) / (2 * Math.PI), 1e-9);
  const fit = Math.floor(Math.log2(1024 / 512 / Math.max(widthShare, heightShare)));
  const zoom = Math.max(minzoom, Math.min(maxzoom, fit));
  const centerLat = latitudeOf((mercatorY(s) + mercatorY(n)) / 2);
  return [round6((w + e) / 2), round6(centerLat), zoom];
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
