import { describe, expect, it } from 'vitest';
import { greedyPicks, nodeCovers } from '../../../../api/domain/walking/site-selection';
import { attach, networkOf } from './hand-made';

describe('greedy site suggestions', () => {
  it('picks the biggest gain first and reports each marginal gain', () => {
    const population = Int32Array.from([500, 300, 300, 100]);
    const covers = new Map([
      [10, [0, 1]], // 800
      [11, [1, 2]], // 600, then 300 once building 1 is taken
      [12, [3]], // 100
    ]);
    expect(greedyPicks(covers, population, 3)).toEqual([
      { candidate: 10, gain: 800, cumulative: 800 },
      { candidate: 11, gain: 300, cumulative: 1100 },
      { candidate: 12, gain: 100, cumulative: 1200 },
    ]);
  });

  it('passes over a candidate whose residents are already served and goes on', () => {
    const covers = new Map([
      [1, [0, 1]],
      [2, [0]],
      [3, [2]],
    ]);
    expect(greedyPicks(covers, Int32Array.from([100, 100, 50]), 5)).toEqual([
      { candidate: 1, gain: 200, cumulative: 200 },
      { candidate: 3, gain: 50, cumulative: 250 },
    ]);
  });

  it('stops when no candidate adds anyone', () => {
    const covers = new Map([
      [1, [0]],
      [2, [0]],
    ]);
    expect(greedyPicks(covers, Int32Array.from([50]), 5)).toHaveLength(1);
  });

  it('finds the network node that serves two villages at once', () => {
    // A 2 km road with junctions every 500 m; villages (buildings) near x = 0, 900 and 1,100.
    const network = networkOf(
      [
        [0, 0],
        [500, 0],
      ],
      [
        [500, 0],
        [1000, 0],
      ],
      [
        [1000, 0],
        [1500, 0],
      ],
      [
        [1500, 0],
        [2000, 0],
      ],
    );
    const buildings = attach(network, [0, 20], [900, 20], [1100, 20]);
    const population = Int32Array.from([100, 200, 200]);
    const covers = nodeCovers(
      network,
      { buildings, population, eligible: new Uint8Array([1, 1, 1]) },
      300,
    );
    const [first, second] = greedyPicks(covers, population, 2);
    const xOf = (node: number) => Math.round(network.nodeX[node]! - network.nodeX[0]!);
    expect(xOf(first!.candidate)).toBe(1000);
    expect(first!.gain).toBe(400);
    expect(xOf(second!.candidate)).toBe(0);
    expect(second).toMatchObject({ gain: 100, cumulative: 500 });
  });
});
