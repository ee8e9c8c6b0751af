import type { Attachments } from './attach';
import { MinHeap } from './heap';
import type { WalkingNetwork } from './network';

/**
 * Many small Dijkstra runs bounded by a distance, sharing one workspace: only the nodes a run
 * touched are reset, so each run costs what it reaches, not the size of the network.
 */
export class BoundedSearch {
  private readonly dist: Float64Array;
  private readonly touched: number[] = [];
  private readonly heap = new MinHeap(256);

  constructor(private readonly network: WalkingNetwork) {
    this.dist = new Float64Array(network.nodeCount).fill(Infinity);
  }

  /**
   * Runs from point `i` of `from` up to `limit` metres and calls `visit(node, metres)` for every
   * node reached (each once, in no particular order).
   */
  run(
    from: Attachments,
    i: number,
    limit: number,
    visit: (node: number, metres: number) => void,
  ): void {
    const { network, dist, touched, heap } = this;
    for (const node of touched) dist[node] = Infinity;
    touched.length = 0;
    heap.clear();
    const e = from.edge[i]!;
    if (e < 0) return;
    const seed = (node: number, d: number) => {
      if (d > limit || d >= dist[node]!) return;
      if (dist[node] === Infinity) touched.push(node);
      dist[node] = d;
      heap.push(d, node);
    };
    seed(network.edgeFrom[e]!, from.access[i]! + from.offset[i]!);
    seed(network.edgeTo[e]!, from.access[i]! + network.edgeLength[e]! - from.offset[i]!);
    const { adjStart, adjEdge, edgeFrom, edgeTo, edgeLength } = network;
    while (heap.size > 0) {
      const d = heap.peekKey();
      const node = heap.pop();
      if (d > dist[node]!) continue;
      for (let k = adjStart[node]!; k < adjStart[node + 1]!; k++) {
        const edge = adjEdge[k]!;
        seed(edgeFrom[edge] === node ? edgeTo[edge]! : edgeFrom[edge]!, d + edgeLength[edge]!);
      }
    }
    for (const node of touched) visit(node, dist[node]!);
  }

  /** Metres to `node` in the last run (Infinity when it was not reached). */
  distanceTo(node: number): number {
    return this.dist[node]!;
  }
}
