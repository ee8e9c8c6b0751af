import type { Attachments } from './attach';
import { Dijkstra } from './dijkstra';
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
  const run = new Dijkstra(network);
  for (let s = 0; s < sources.count; s++) {
    run.seedPoint(sources.edge[s]!, sources.offset[s]!, sources.access[s]!, limit);
  }
  run.settle(limit);
  return run.dist;
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
