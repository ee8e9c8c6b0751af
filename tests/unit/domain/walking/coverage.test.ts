import { describe, expect, it } from 'vitest';
import { completenessByGroup } from '../../../../api/domain/walking/completeness';
import { type Demand, summariseCoverage } from '../../../../api/domain/walking/coverage';
import { walkingDistances } from '../../../../api/domain/walking/shortest-paths';
import { straightLineDistances } from '../../../../api/domain/walking/straight-line';
import { attach, riverWithOneBridge } from './hand-made';

/** Three buildings: two on the south bank, one on the north bank, and their residents. */
const BUILDINGS: [number, number][] = [
  [100, -10],
  [480, -20],
  [150, 215],
];
const demand: Demand = {
  count: 3,
  population: Int32Array.from([300, 200, 100]),
  households: Int32Array.from([100, 70, 40]),
  gridIndex: Int32Array.from([0, 0, 1]),
  gridCodes: ['370871001001001', '370871001001002'],
};
const everyone = new Uint8Array([1, 1, 1]);

describe('coverage over a river with one bridge', () => {
  const network = riverWithOneBridge();
  const facility = attach(network, [100, 210]);
  const walk = walkingDistances(network, facility, attach(network, ...BUILDINGS));

  it('covers only who can walk there, by grid', () => {
    const figures = summariseCoverage(demand, walk, 500, everyone);
    // North-bank building: 5 + 50 + 10 = 65 m; south bank: over the bridge, 1,020 m and 660 m.
    expect(figures.population).toEqual({ total: 600, covered: 100 });
    expect(figures.households).toEqual({ total: 210, covered: 40 });
    expect(figures.uncoveredBuildings).toBe(2);
    expect(figures.byGrid).toEqual([
      { code: '370871001001001', population: 500, covered: 0, share: 0 },
      { code: '370871001001002', population: 100, covered: 100, share: 1 },
    ]);
  });

  it('covers more in a straight line than on foot across the river', () => {
    const straight = straightLineDistances(
      BUILDINGS.map((b) => b[0]),
      BUILDINGS.map((b) => b[1]),
      [100],
      [210],
    );
    const crow = summariseCoverage(demand, straight, 500, everyone).population.covered;
    const foot = summariseCoverage(demand, walk, 500, everyone).population.covered;
    expect(crow).toBe(600);
    expect(foot).toBe(100);
  });

  it('counts only the buildings asked about', () => {
    const figures = summariseCoverage(demand, walk, 700, new Uint8Array([0, 1, 1]));
    expect(figures.population).toEqual({ total: 300, covered: 300 });
  });
});

describe('completeness', () => {
  it('counts residents who reach every required category, and names what is missing', () => {
    const shop = Float64Array.from([100, 400, 900, 200]);
    const school = Float64Array.from([200, 200, 200, 800]);
    const result = completenessByGroup(
      Int32Array.from([100, 200, 300, 400]),
      ['A', 'A', 'B', 'B'],
      new Uint8Array([1, 1, 1, 1]),
      [
        { category: 'convenience_store', limit: 300, distance: shop },
        { category: 'primary_school', limit: 500, distance: school },
      ],
    );
    expect(result.population).toBe(1000);
    expect(result.complete).toBe(100);
    expect(result.groups).toEqual([
      {
        code: 'A',
        population: 300,
        complete: 100,
        share: 0.333,
        categories: { convenience_store: 0.333, primary_school: 1 },
        missing: ['convenience_store'],
      },
      {
        code: 'B',
        population: 700,
        complete: 0,
        share: 0,
        categories: { convenience_store: 0.571, primary_school: 0.429 },
        missing: ['primary_school'],
      },
    ]);
  });
});
