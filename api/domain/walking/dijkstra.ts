import { MinHeap } from './heap';
import type { WalkingNetwork } from './network';

/**
 * One Dijkstra workspace over the walking network: node distances, the heap, and the list of
 * nodes a run touched, so a run can be reset at the cost of what it reached (many small bounded
 * runs) or read whole (one multi-source run over the district).
 */
export class Dijkstra {
  readonly dist: Float64Array;
  private readonly touched: number[] = [];
  private readonly heap = new MinHeap(256);

  constructor(private readonly network: WalkingNetwork) {
    this.dist = new Float64Array(network.nodeCount).fill(Infinity);
  }

  /** Forgets the last run. */
  reset(): void {
    for (const node of this.touched) this.dist[node] = Infinity;
    this.touched.length = 0;
    this.heap.clear();
  }

  /** Offers `node` at `metres` (ignored beyond `limit` or when it is already closer). */
  seed(node: number, metres: number, limit: number): void {
    if (metres > limit || metres >= this.dist[node]!) return;
    if (this.dist[node] === Infinity) this.touched.push(node);
    this.dist[node] = metres;
    this.heap.push(metres, node);
  }

  /** Seeds both ends of the edge a point is attached to, with its access and offset. */
  seedPoint(edge: number, offset: number, access: number, limit: number): void {
    if (edge < 0) return;
    this.seed(this.network.edgeFrom[edge]!, access + offset, limit);
    this.seed(this.network.edgeTo[edge]!, access + this.network.edgeLength[edge]! - offset, limit);
  }

  /** Settles every node within `limit` in distance order (stale heap entries are skipped). */
  settle(limit: number): void {
    const { adjStart, adjNode, adjLength } = this.network;
    const { heap, dist, touched } = this;
    while (heap.size > 0) {
      const d = heap.peekKey();
      const node = heap.pop();
      if (d > dist[node]!) continue;
      const end = adjStart[node + 1]!;
      for (let k = adjStart[node]!; k < end; k++) {
        const next = adjNode[k]!;
        const nd = d + adjLength[k]!;
        if (nd > limit || nd >= dist[next]!) continue;
        if (dist[next] === Infinity) touched.push(next);
        dist[next] = nd;
        heap.push(nd, next);
      }
    }
  }

  /** The nodes the last run reached. */
  reached(): readonly number[] {
    return this.touched;
  }
}
