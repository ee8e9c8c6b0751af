import { bearing, distance, point } from '@turf/turf';

/** What a camera sees: where it stands, where it looks, how wide and how far. */
export interface ViewCone {
  lng: number;
  lat: number;
  /** Compass heading of the view's centre, degrees clockwise from north, 0–360. */
  heading: number;
  /** Field of view in degrees; 360 sees all around. */
  fov: number;
  rangeM: number;
}

/** Compass bearing from one point to another, degrees clockwise from north, 0 ≤ b < 360. */
export function compassBearing(
  from: { lng: number; lat: number },
  to: { lng: number; lat: number },
): number {
  const b = bearing(point([from.lng, from.lat]), point([to.lng, to.lat]));
  return (b + 360) % 360;
}

/** Great-circle distance in metres. */
export function metresBetween(
  a: { lng: number; lat: number },
  b: { lng: number; lat: number },
): number {
  return distance(point([a.lng, a.lat]), point([b.lng, b.lat]), { units: 'meters' });
}

/** Smallest angle between two compass directions, 0–180. */
export function angleBetween(a: number, b: number): number {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return d > 180 ? 360 - d : d;
}

/**
 * True when compass direction `bearing` lies within `heading` ± `fov`/2, edges included, going
 * either way round north (heading 350° with fov 40° covers 330°–360° and 0°–10°). A fov of 360°
 * or more covers every direction.
 */
export function bearingInCone(bearing: number, heading: number, fov: number): boolean {
  return fov >= 360 || angleBetween(bearing, heading) <= fov / 2;
}

/**
 * True when `target` lies inside the camera's view cone: within its range (great-circle metres,
 * the range included) and within heading ± fov/2 (edges included; a camera on the spot sees it).
 */
export function inViewCone(camera: ViewCone, target: { lng: number; lat: number }): boolean {
  const metres = metresBetween(camera, target);
  if (metres > camera.rangeM) return false;
  if (metres < 0.01) return true;
  return bearingInCone(compassBearing(camera, target), camera.heading, camera.fov);
}
