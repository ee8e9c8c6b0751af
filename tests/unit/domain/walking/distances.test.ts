import { describe, expect, it } from 'vitest';
import { walkingDistances } from '../../../../api/domain/walking/shortest-paths';
import { straightLineDistances } from '../../../../api/domain/walking/straight-line';
import { attach, networkOf, riverWithOneBridge } from './hand-made';

describe('walking distances on hand-made networks', () => {
  it('crosses a river only at its bridge', () => {
    const network = riverWithOneBridge();
    const facility = attach(network, [100, 210]); // north bank, 10 m off the road
    const building = attach(network, [100, -10]); // south bank, opposite
    const [walk] = walkingDistances(network, facility, building);
    // 10 access + 400 along the south bank + 200 bridge + 400 back + 10 access
    expect(walk).toBeCloseTo(1020, 1);
    const [straight] = straightLineDistances([100], [-10], [100], [210]);
    expect(straight).toBeCloseTo(220, 6);
  });

  it('counts the access distance of a building set back from the road', () => {
    const network = networkOf([
      [0, 0],
      [1000, 0],
    ]);
    const facility = attach(network, [0, 0]);
    const building = attach(network, [300, 80]);
    expect(building.access[0]).toBeCloseTo(80, 6);
    expect(walkingDistances(network, facility, building)[0]).toBeCloseTo(380, 6);
  });

  it('walks along the edge when facility and building share it', () => {
    const network = networkOf([
      [0, 0],
      [1000, 0],
    ]);
    const facility = attach(network, [400, 5]);
    const building = attach(network, [600, -5]);
    expect(walkingDistances(network, facility, building)[0]).toBeCloseTo(210, 6);
  });

  it('reaches the end of a dead end only through its one junction', () => {
    // A street with a 300 m spur north from x = 200; the facility is at the street's east end.
    const network = networkOf(
      [
        [0, 0],
        [200, 0],
      ],
      [
        [200, 0],
        [1000, 0],
      ],
      [
        [200, 0],
        [200, 300],
      ],
    );
    const facility = attach(network, [1000, 0]);
    const building = attach(network, [210, 290]);
    expect(walkingDistances(network, facility, building)[0]).toBeCloseTo(800 + 290 + 10, 6);
  });

  it('takes the nearest of several facilities in one multi-source run', () => {
    const network = riverWithOneBridge();
    const facilities = attach(network, [900, 210], [50, -5]);
    const buildings = attach(network, [0, -10], [1000, 190], [500, 100]);
    const d = walkingDistances(network, facilities, buildings);
    expect(d[0]).toBeCloseTo(5 + 50 + 10, 6);
    expect(d[1]).toBeCloseTo(10 + 100 + 10, 6);
    expect(d[2]).toBeCloseTo(0 + Math.min(100 + 400 + 10, 100 + 450 + 5), 6);
  });

  it('leaves a building with no road nearby unreachable', () => {
    const network = networkOf([
      [0, 0],
      [100, 0],
    ]);
    const building = attach(network, [0, 5000]);
    expect(building.edge[0]).toBe(-1);
    expect(walkingDistances(network, attach(network, [0, 0]), building)[0]).toBe(Infinity);
  });

  it('never finds a walk shorter than the straight line', () => {
    const network = riverWithOneBridge();
    const points: [number, number][] = [
      [0, -20],
      [300, 230],
      [700, -40],
      [950, 180],
      [480, 20],
    ];
    const facility = attach(network, [820, 215]);
    const walk = walkingDistances(network, facility, attach(network, ...points));
    const straight = straightLineDistances(
      points.map((p) => p[0]),
      points.map((p) => p[1]),
      [820],
      [215],
    );
    walk.forEach((d, i) => expect(d).toBeGreaterThanOrEqual(straight[i]! - 1e-6));
  });
});
