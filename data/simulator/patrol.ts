import { along, distance, length, lineString, nearestPointOnLine, point } from '@turf/turf';
import { MEMBER_REACH_M } from '../../api/contract/members';
import type { Random } from '../district/random';

/** A road as a line string of `[lng, lat]` vertices. */
export type RoadLine = readonly (readonly [number, number])[];

/**
 * A grid member on patrol: the roads around their grid, the one walked now, and where on it.
 * Plain data, so a walk is a pure function of the patrol, the distance and the randomness.
 */
export interface Patrol {
  memberId: string;
  /** A point inside one of the member's grids; the patrol stays within `PATROL_REACH_M` of it. */
  home: readonly [number, number];
  roads: readonly RoadLine[];
  /** Each road's length in metres. */
  lengths: readonly number[];
  /** Index into `roads` of the road walked now. */
  road: number;
  /** Metres from the start of that road. */
  position: number;
  /** +1 walking towards the road's last vertex, -1 towards its first. */
  direction: 1 | -1;
}

/** Walking pace of a patrolling grid member, metres per second. */
export const WALKING_SPEED = 1.3;

/**
 * How far from `home` a patrol walks, metres: inside the distance from their grids that the
 * server accepts a member's position from (`MEMBER_REACH_M`), with room for the difference
 * between this spherical measure and PostGIS's spheroid.
 */
export const PATROL_REACH_M = 0.9 * MEMBER_REACH_M;

/** Road ends closer than this (degrees, about 2 m) are one junction. */
const JUNCTION = 2e-5;

/** A patrol starting on the road nearest to `home`, at the point of it nearest to `home`. */
export function startPatrol(
  memberId: string,
  roads: readonly RoadLine[],
  home: readonly [number, number],
): Patrol {
  if (roads.length === 0) throw new Error(`no road to patrol near member ${memberId}`);
  const lengths = roads.map((road) => length(toLine(road), { units: 'meters' }));
  let best = { road: 0, position: 0, distance: Infinity };
  roads.forEach((road, index) => {
    const near = nearestPointOnLine(toLine(road), point([home[0], home[1]]), { units: 'meters' });
    if (near.properties.dist < best.distance) {
      best = { road: index, position: near.properties.location, distance: near.properties.dist };
    }
  });
  const position = Math.min(best.position, lengths[best.road] as number);
  return { memberId, home, roads, lengths, road: best.road, position, direction: 1 };
}

/**
 * The patrol after walking `metres`: along the current road and, at its end, on along another
 * road meeting it there (chosen at random), or back the way it came at a dead end. A step that
 * would end farther than `PATROL_REACH_M` from home is not taken: the member turns back where
 * they stand. Pure.
 */
export function walk(patrol: Patrol, metres: number, random: Random): Patrol {
  const next = advance(patrol, metres, random);
  const away = distance(point([...patrol.home]), point(standing(next)), { units: 'meters' });
  if (away <= PATROL_REACH_M) return next;
  return { ...patrol, direction: patrol.direction === 1 ? -1 : 1 };
}

function advance(patrol: Patrol, metres: number, random: Random): Patrol {
  let { road, position, direction } = patrol;
  let left = Math.max(0, metres);
  // Bounded: a patrol crossing many tiny road pieces in one step stops at the last junction.
  for (let step = 0; step < 64; step += 1) {
    const total = patrol.lengths[road] as number;
    const room = direction === 1 ? total - position : position;
    if (left <= room) {
      position += direction * left;
      break;
    }
    left -= room;
    const next = turnAt(patrol, road, direction, random);
    road = next.road;
    direction = next.direction;
    position = direction === 1 ? 0 : (patrol.lengths[road] as number);
  }
  return { ...patrol, road, position, direction };
}

/** Where the patrol stands, `[lng, lat]`. */
export function standing(patrol: Patrol): [number, number] {
  const road = patrol.roads[patrol.road] as RoadLine;
  const at = along(toLine(road), patrol.position, { units: 'meters' });
  return at.geometry.coordinates as [number, number];
}

/** The road and direction to take at the end of `road`: another road meeting it, or back. */
function turnAt(
  patrol: Patrol,
  road: number,
  direction: 1 | -1,
  random: Random,
): { road: number; direction: 1 | -1 } {
  const line = patrol.roads[road] as RoadLine;
  const end = (direction === 1 ? line[line.length - 1] : line[0]) as readonly [number, number];
  const choices: { road: number; direction: 1 | -1 }[] = [];
  patrol.roads.forEach((other, index) => {
    if (index === road || (patrol.lengths[index] as number) === 0) return;
    if (meets(other[0], end)) choices.push({ road: index, direction: 1 });
    else if (meets(other[other.length - 1], end)) choices.push({ road: index, direction: -1 });
  });
  if (choices.length === 0) return { road, direction: direction === 1 ? -1 : 1 };
  return random.pick(choices);
}

function meets(a: readonly [number, number] | undefined, b: readonly [number, number]): boolean {
  return a !== undefined && Math.abs(a[0] - b[0]) < JUNCTION && Math.abs(a[1] - b[1]) < JUNCTION;
}

function toLine(road: RoadLine) {
  return lineString(road.map(([lng, lat]) => [lng, lat]));
}
