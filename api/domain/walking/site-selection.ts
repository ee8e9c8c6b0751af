import type { Attachments } from './attach';
import { BoundedSearch } from './bounded-search';
import { MinHeap } from './heap';
import type { WalkingNetwork } from './network';

/**
 * Site suggestions by greedy maximum coverage: each round picks the candidate that newly covers
 * the most residents not yet within `limit` of a facility (lazy re-evaluation, "CELF": a
 * candidate's gain only falls as others are picked). Greedy is within 1 − 1/e of the best set.
 */

/** The demand still to serve: buildings out of reach today, with their residents. */
export interface Unserved {
  readonly buildings: Attachments;
  readonly population: Int32Array;
  /** 1 for buildings that count (out of reach today and inside the area asked about). */
  readonly eligible: Uint8Array;
}

export interface Pick {
  /** The candidate: a node index (node candidates) or an index into the candidate list. */
  candidate: number;
  gain: number;
  cumulative: number;
}

/** For each network node, the eligible buildings a facility placed there would reach. */
export function nodeCovers(
  network: WalkingNetwork,
  demand: Unserved,
  limit: number,
): Map<number, number[]> {
  const covers = new Map<number, number[]>();
  const search = new BoundedSearch(network);
  for (let b = 0; b < demand.buildings.count; b++) {
    if (!demand.eligible[b] || demand.population[b]! <= 0) continue;
    search.run(demand.buildings, b, limit, (node) => {
      const list = covers.get(node) ?? [];
      list.push(b);
      covers.set(node, list);
    });
  }
  return covers;
}

/** For each listed candidate (attached points), the eligible buildings it would reach. */
export function candidateCovers(
  network: WalkingNetwork,
  demand: Unserved,
  candidates: Attachments,
  limit: number,
): Map<number, number[]> {
  const covers = new Map<number, number[]>();
  const search = new BoundedSearch(network);
  const { buildings } = demand;
  for (let b = 0; b < buildings.count; b++) {
    if (!demand.eligible[b] || demand.population[b]! <= 0) continue;
    search.run(buildings, b, limit, () => undefined);
    for (let c = 0; c < candidates.count; c++) {
      const e = candidates.edge[c]!;
      if (e < 0) continue;
      const off = candidates.offset[c]!;
      let d = Math.min(
        search.distanceTo(network.edgeFrom[e]!) + off,
        search.distanceTo(network.edgeTo[e]!) + network.edgeLength[e]! - off,
      );
      if (buildings.edge[b] === e) {
        d = Math.min(d, buildings.access[b]! + Math.abs(buildings.offset[b]! - off));
      }
      if (d + candidates.access[c]! <= limit) {
        const list = covers.get(c) ?? [];
        list.push(b);
        covers.set(c, list);
      }
    }
  }
  return covers;
}

/** Up to `k` picks in order, each with its marginal gain; stops when nothing more is gained. */
export function greedyPicks(
  covers: Map<number, number[]>,
  population: Int32Array,
  k: number,
): Pick[] {
  const taken = new Uint8Array(population.length);
  const gainOf = (c: number) =>
    (covers.get(c) ?? []).reduce((sum, b) => sum + (taken[b] ? 0 : population[b]!), 0);
  const heap = new MinHeap(Math.max(16, covers.size));
  const order = [...covers.keys()].sort((a, b) => a - b);
  for (const c of order) heap.push(-gainOf(c), c);
  const picks: Pick[] = [];
  let cumulative = 0;
  while (picks.length < k && heap.size > 0) {
    const bound = -heap.peekKey();
    const c = heap.pop();
    const gain = gainOf(c);
    if (gain <= 0) continue; // everyone it reaches is served already: drop it, look further
    if (heap.size > 0 && gain < -heap.peekKey() && gain < bound) {
      heap.push(-gain, c);
      continue;
    }
    for (const b of covers.get(c) ?? []) taken[b] = 1;
    cumulative += gain;
    picks.push({ candidate: c, gain, cumulative });
  }
  return picks;
}
