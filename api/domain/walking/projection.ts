/**
 * A local plane in metres around a reference latitude, on the WGS84 ellipsoid: x grows east,
 * y north. Within a district (tens of kilometres) its distances agree with PostGIS geography
 * lengths to well under 0.1 %, which is what lets the walking network live in flat typed arrays.
 */

const A = 6378137; // WGS84 semi-major axis, metres
const E2 = 0.00669437999014; // WGS84 first eccentricity squared
const RAD = Math.PI / 180;

/** Degrees ⇄ local metres around one reference point. */
export interface LocalProjection {
  readonly lng0: number;
  readonly lat0: number;
  /** Metres per degree of longitude and of latitude at the reference latitude. */
  readonly mPerLng: number;
  readonly mPerLat: number;
}

/** The projection around `[lng0, lat0]` (the meridian and prime-vertical radii at lat0). */
export function localProjection(lng0: number, lat0: number): LocalProjection {
  const s = Math.sin(lat0 * RAD);
  const w = Math.sqrt(1 - E2 * s * s);
  const meridian = (A * (1 - E2)) / (w * w * w);
  const primeVertical = A / w;
  return {
    lng0,
    lat0,
    mPerLng: primeVertical * Math.cos(lat0 * RAD) * RAD,
    mPerLat: meridian * RAD,
  };
}

/** `[lng, lat]` → local `[x, y]` metres. */
export function toMetres(p: LocalProjection, lng: number, lat: number): [number, number] {
  return [(lng - p.lng0) * p.mPerLng, (lat - p.lat0) * p.mPerLat];
}

/** Local `[x, y]` metres → `[lng, lat]`. */
export function toLngLat(p: LocalProjection, x: number, y: number): [number, number] {
  return [p.lng0 + x / p.mPerLng, p.lat0 + y / p.mPerLat];
}
