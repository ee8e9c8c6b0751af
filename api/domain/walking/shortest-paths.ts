import type { Attachments } from './attach';
import { MinHeap } from './heap';
import type { WalkingNetwork } from './network';

/**
 * Multi-source Dijkstra over the walking network: one run from every facility of a category
 * at once gives each node its distance to the nearest facility, and from the nodes every
 * attached building's distance follows in one pass.
 */

/** Node distances (metres) from the nearest source; Infinity beyond `limit` or unreachable. */
export function nodeDistances(
  network: WalkingNetwork,
  sources: Attachments,
  limit = Infinity,
): Float64Array {
  const dist = new Float64Array(network.nodeCount).fill(Infinity);
  const heap = new MinHeap(Math.max(16, sources.count * 2));
  const seed = (node: number, d: number) => {
    if (d <= limit && d < dist[node]!) {
      dist[node] = d;
      heap.push(d, node);
    }
  };
  for (let s = 0; s < sources.count; s++) {
    const e = sources.edge[s]!;
    if (e < 0) continue;
    seed(network.edgeFrom[e]!, sources.access[s]! + sources.offset[s]!);
    seed(network.edgeTo[e]!, sources.access[s]! + network.edgeLength[e]! - sources.offset[s]!);
  }
  relaxAll(network, dist, heap, limit);
  return dist;
}

/** Settles nodes from the heap in distance order (lazy deletion of stale entries). */
function relaxAll(network: WalkingNetwork, dist: Float64Array, heap: MinHeap, limit: number) {
  const { adjStart, adjEdge, edgeFrom, edgeTo, edgeLength } = network;
  while (heap.size > 0) {
    const d = heap.peekKey();
    const node = heap.pop();
    if (d > dist[node]!) continue;
    for (let k = adjStart[node]!; k < adjStart[node + 1]!; k++) {
      const e = adjEdge[k]!;
      const next = edgeFrom[e] === node ? edgeTo[e]! : edgeFrom[e]!;
      const nd = d + edgeLength[e]!;
      if (nd < dist[next]! && nd <= limit) {
        dist[next] = nd;
        heap.push(nd, next);
      }
    }
  }
}

/**
 * Distances from the nearest source to each target: the target's access plus the better of its
 * edge's two ends — or, when a source sits on the same edge, the walk along that edge.
 */
export function targetDistances(
  network: WalkingNetwork,
  nodeDist: Float64Array,
  targets: Attachments,
  sources: Attachments,
): Float64Array {
  const sameEdge = sourcesByEdge(sources);
  const out = new Float64Array(targets.count).fill(Infinity);
  for (let t = 0; t < targets.count; t++) {
    const e = targets.edge[t]!;
    if (e < 0) continue;
    const off = targets.offset[t]!;
    let best = Math.min(
      nodeDist[network.edgeFrom[e]!]! + off,
      nodeDist[network.edgeTo[e]!]! + network.edgeLength[e]! - off,
    );
    for (const s of sameEdge.get(e) ?? []) {
      best = Math.min(best, sources.access[s]! + Math.abs(sources.offset[s]! - off));
    }
    out[t] = best + targets.access[t]!;
  }
  return out;
}

/** Sources listed by the edge they are attached to. */
export function sourcesByEdge(sources: Attachments): Map<number, number[]> {
  const byEdge = new Map<number, number[]>();
  for (let s = 0; s < sources.count; s++) {
    const e = sources.edge[s]!;
    if (e < 0) continue;
    const list = byEdge.get(e) ?? [];
    list.push(s);
    byEdge.set(e, list);
  }
  return byEdge;
}

/** Walking distances from the nearest source to every target, in one multi-source run. */
export function walkingDistances(
  network: WalkingNetwork,
  sources: Attachments,
  targets: Attachments,
  limit = Infinity,
): Float64Array {
  return targetDistances(network, nodeDistances(network, sources, limit), targets, sources);
}
