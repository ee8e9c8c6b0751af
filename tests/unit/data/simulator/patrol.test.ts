import { describe, expect, it } from 'vitest';
import { distance, pointToLineDistance, lineString, point } from '@turf/turf';
import { MEMBER_REACH_M } from '../../../../api/contract/members';
import {
  standing,
  startPatrol,
  walk,
  type Patrol,
  type RoadLine,
} from '../../../../data/simulator/patrol';
import { createRandom } from '../../../../data/district/random';

// A junction at [116.801, 35.5]: the road from the west ends there, two roads leave it.
const west: RoadLine = [
  [116.8, 35.5],
  [116.801, 35.5],
];
const north: RoadLine = [
  [116.801, 35.5],
  [116.801, 35.501],
];
const eastReversed: RoadLine = [
  [116.802, 35.5],
  [116.801, 35.5],
];
const roads = [west, north, eastReversed];

function onSomeRoad(patrol: Patrol): number {
  const here = point(standing(patrol));
  return Math.min(
    ...roads.map((road) =>
      pointToLineDistance(here, lineString(road.map((c) => [...c])), { units: 'meters' }),
    ),
  );
}

describe('a patrol', () => {
  it('starts on the road nearest its grid, at the nearest point', () => {
    const patrol = startPatrol('m', roads, [116.8015, 35.5008]);
    expect(patrol.road).toBe(1);
    expect(patrol.position).toBeGreaterThan(80);
    expect(patrol.position).toBeLessThan(95);
  });

  it('walks the given distance along its road', () => {
    const patrol = startPatrol('m', roads, [116.8, 35.5]);
    const moved = walk(patrol, 50, createRandom(1, 'test'));
    expect(moved.road).toBe(0);
    expect(moved.position).toBeCloseTo(50, 6);
  });

  it('carries on along another road at a junction, whichever way that road is drawn', () => {
    const patrol = startPatrol('m', roads, [116.8, 35.5]);
    const length = patrol.lengths[0]!;
    const seen = new Set<string>();
    for (let seed = 1; seed <= 20; seed += 1) {
      const moved = walk(patrol, length + 30, createRandom(seed, 'test'));
      expect(moved.road).not.toBe(0);
      if (moved.road === 1) expect([moved.direction, moved.position]).toEqual([1, 30]);
      if (moved.road === 2) {
        expect(moved.direction).toBe(-1);
        expect(moved.position).toBeCloseTo(patrol.lengths[2]! - 30, 6);
      }
      seen.add(String(moved.road));
    }
    expect(seen).toEqual(new Set(['1', '2']));
  });

  it('turns back at a dead end', () => {
    const patrol = startPatrol('m', [west], [116.8, 35.5]);
    const moved = walk(patrol, patrol.lengths[0]! + 30, createRandom(1, 'test'));
    expect(moved.direction).toBe(-1);
    expect(moved.position).toBeCloseTo(patrol.lengths[0]! - 30, 6);
  });

  it('stays on the roads however far it walks, and repeats from its seed', () => {
    const start = startPatrol('m', roads, [116.8003, 35.5]);
    const trail = (seed: number) => {
      const random = createRandom(seed, 'test');
      let patrol = start;
      const points: [number, number][] = [];
      for (let step = 0; step < 60; step += 1) {
        patrol = walk(patrol, 26, random);
        expect(onSomeRoad(patrol)).toBeLessThan(0.5);
        points.push(standing(patrol));
      }
      return points;
    };
    expect(trail(7)).toEqual(trail(7));
  });

  it('never strays farther from its grid than a member may report from', () => {
    // A straight road running 3 km east of the member's grid, with a side road at its far end.
    const long: RoadLine = [
      [116.8, 35.5],
      [116.833, 35.5],
    ];
    const side: RoadLine = [
      [116.833, 35.5],
      [116.833, 35.51],
    ];
    const home: [number, number] = [116.8, 35.5001];
    const random = createRandom(3, 'test');
    let patrol = startPatrol('m', [long, side], home);
    let farthest = 0;
    for (let step = 0; step < 400; step += 1) {
      patrol = walk(patrol, 26, random);
      farthest = Math.max(
        farthest,
        distance(point(home), point(standing(patrol)), { units: 'meters' }),
      );
    }
    expect(farthest).toBeGreaterThan(MEMBER_REACH_M / 2);
    expect(farthest).toBeLessThan(MEMBER_REACH_M);
  });
});
