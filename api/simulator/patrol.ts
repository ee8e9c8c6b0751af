import { along, length, lineString } from '@turf/turf';

/** A member walking back and forth along one road. */
export interface Patrol {
  memberId: string;
  route: [number, number][];
  /** Metres along the route. */
  position: number;
  /** +1 walking towards the route's end, -1 back. */
  direction: 1 | -1;
}

/** Walking pace of a patrolling grid member, metres per second. */
export const WALKING_SPEED = 1.3;

/**
 * The patrol after walking `metres`: along the route, turning back at either end (the route is
 * walked to and fro, as a grid member patrols their streets). Pure.
 */
export function walk(patrol: Patrol, metres: number): Patrol {
  const total = routeLength(patrol.route);
  if (total === 0) return patrol;
  let position = patrol.position + patrol.direction * metres;
  let direction = patrol.direction;
  for (let turns = 0; (position < 0 || position > total) && turns < 64; turns += 1) {
    if (position > total) {
      position = 2 * total - position;
      direction = -1;
    } else {
      position = -position;
      direction = 1;
    }
  }
  return { ...patrol, position: Math.min(Math.max(position, 0), total), direction };
}

/** Where the patrol stands, `[lng, lat]`. */
export function standing(patrol: Patrol): [number, number] {
  const at = along(lineString(patrol.route), patrol.position, { units: 'meters' });
  return at.geometry.coordinates as [number, number];
}

export function routeLength(route: [number, number][]): number {
  return length(lineString(route), { units: 'meters' });
}
