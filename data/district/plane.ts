import type { Position } from 'geojson';

/**
 * The generator works in a local plane (metres east and north of the district centre) and
 * converts to WGS84 `[lng, lat]` only when it writes a row. The mapping is affine, so straight
 * lines, convexity and point-in-polygon answers are the same in both spaces.
 */

/** A point in the local plane, metres east (`x`) and north (`y`) of the origin. */
export interface XY {
  x: number;
  y: number;
}

/** Converts between the local plane and rounded WGS84 positions. */
export interface Projection {
  readonly metresPerDegreeLng: number;
  readonly metresPerDegreeLat: number;
  toPosition(point: XY): Position;
  toXY(position: Position): XY;
}

const METRES_PER_DEGREE_LAT = 110_574;

/** Rounds a coordinate to 7 decimals (about 1 cm), so output is short and stable. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

/** An equirectangular projection centred on `[lng, lat]`; accurate to well under 1 % here. */
export function createProjection(origin: Position): Projection {
  const [lng0 = 0, lat0 = 0] = origin;
  const metresPerDegreeLng = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  return {
    metresPerDegreeLng,
    metresPerDegreeLat: METRES_PER_DEGREE_LAT,
    toPosition: (p) => [
      roundCoordinate(lng0 + p.x / metresPerDegreeLng),
      roundCoordinate(lat0 + p.y / METRES_PER_DEGREE_LAT),
    ],
    toXY: ([lng = 0, lat = 0]) => ({
      x: (lng - lng0) * metresPerDegreeLng,
      y: (lat - lat0) * METRES_PER_DEGREE_LAT,
    }),
  };
}

/** Linear interpolation between two points. */
export function lerp(a: XY, b: XY, t: number): XY {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** Distance between two points in metres. */
export function distance(a: XY, b: XY): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** Signed distance of `p` from the directed line a→b; positive on the left. */
export function leftDistance(a: XY, b: XY, p: XY): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  return (dx * (p.y - a.y) - dy * (p.x - a.x)) / Math.hypot(dx, dy);
}

/** Compass bearing of the direction a→b in degrees, [0, 360). */
export function bearing(a: XY, b: XY): number {
  const deg = (Math.atan2(b.x - a.x, b.y - a.y) * 180) / Math.PI;
  return normaliseDegrees(deg);
}

/** Wraps an angle into [0, 360) and rounds it to one decimal. */
export function normaliseDegrees(deg: number): number {
  const wrapped = ((deg % 360) + 360) % 360;
  const rounded = Math.round(wrapped * 10) / 10;
  return rounded >= 360 ? 0 : rounded;
}

/**
 * Splits a non-negative integer total in proportion to weights; the parts sum exactly to the
 * total (largest remainder, ties to the lower index).
 */
export function splitInteger(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (!(sum > 0))
    return splitInteger(
      total,
      weights.map(() => 1),
    );
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact
    .map((e, i) => ({ i, frac: e - Math.floor(e) }))
    .sort((p, q) => q.frac - p.frac || p.i - q.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}

/** Clamps a number into [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
