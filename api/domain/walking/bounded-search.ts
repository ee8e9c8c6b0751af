import type { Attachments } from './attach';
import { Dijkstra } from './dijkstra';
import type { WalkingNetwork } from './network';

/**
 * Many small Dijkstra runs bounded by a distance, sharing one workspace: only the nodes a run
 * touched are reset, so each run costs what it reaches, not the size of the network.
 */
export class BoundedSearch {
  private readonly search: Dijkstra;

  constructor(network: WalkingNetwork) {
    this.search = new Dijkstra(network);
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
    const search = this.search;
    search.reset();
    search.seedPoint(from.edge[i]!, from.offset[i]!, from.access[i]!, limit);
    search.settle(limit);
    for (const node of search.reached()) visit(node, search.dist[node]!);
  }

  /** Metres to `node` in the last run (Infinity when it was not reached). */
  distanceTo(node: number): number {
    return this.search.dist[node]!;
  }
}
