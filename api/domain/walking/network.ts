import { type LocalProjection, localProjection, toMetres } from './projection';
import { buildSegmentIndex, type SegmentIndex } from './segment-index';

/**
 * The walking network as compact typed arrays. Every road line is one edge between the nodes at
 * its two end points; end points that coincide (to 1e-7°, about 1 cm) are one node, so roads
 * connect exactly where they share an end point (a bridge is the only way over a river because
 * the roads that reach the banks end there). Interior vertices keep the edge's shape and length.
 */
export interface WalkingNetwork {
  readonly projection: LocalProjection;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Node positions in local metres. */
  readonly nodeX: Float64Array;
  readonly nodeY: Float64Array;
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  /** Edge lengths in metres. */
  readonly edgeLength: Float64Array;
  /** Edge e's vertices are point[pointStart[e]] … point[pointStart[e + 1] - 1], from → to. */
  readonly pointStart: Int32Array;
  readonly pointX: Float64Array;
  readonly pointY: Float64Array;
  /**
   * Edges at node n: adjEdge[adjStart[n]] … adjEdge[adjStart[n + 1] - 1], with the node at
   * each one's other end and its length side by side (Dijkstra reads them in one sweep).
   */
  readonly adjStart: Int32Array;
  readonly adjEdge: Int32Array;
  readonly adjNode: Int32Array;
  readonly adjLength: Float64Array;
  /** Finds the edge nearest to a point. */
  readonly index: SegmentIndex;
}

/** A road line: `[lng, lat]` positions, at least two. */
export type RoadLine = readonly (readonly [number, number])[];

const nodeKey = (lng: number, lat: number) => `${Math.round(lng * 1e7)},${Math.round(lat * 1e7)}`;

function centreOf(lines: readonly RoadLine[]): [number, number] {
  let minLng = Infinity,
    minLat = Infinity,
    maxLng = -Infinity,
    maxLat = -Infinity;
  for (const line of lines) {
    for (const [lng, lat] of line) {
      minLng = Math.min(minLng, lng);
      maxLng = Math.max(maxLng, lng);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return lines.length === 0 ? [0, 0] : [(minLng + maxLng) / 2, (minLat + maxLat) / 2];
}

/** Node ids by end point, and their positions in metres. */
function nodeRegistry(proj: LocalProjection) {
  const ids = new Map<string, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  const idOf = ([lng, lat]: readonly [number, number]): number => {
    const key = nodeKey(lng, lat);
    let id = ids.get(key);
    if (id === undefined) {
      id = xs.length;
      ids.set(key, id);
      const [x, y] = toMetres(proj, lng, lat);
      xs.push(x);
      ys.push(y);
    }
    return id;
  };
  return { idOf, xs, ys };
}

/** Every line's vertices in metres, one run per edge, and each edge's length. */
function edgeShapes(lines: readonly RoadLine[], proj: LocalProjection) {
  const pointStart = new Int32Array(lines.length + 1);
  const total = lines.reduce((sum, line) => sum + line.length, 0);
  const pointX = new Float64Array(total);
  const pointY = new Float64Array(total);
  const edgeLength = new Float64Array(lines.length);
  let p = 0;
  lines.forEach((line, e) => {
    pointStart[e] = p;
    for (const [lng, lat] of line) {
      [pointX[p], pointY[p]] = toMetres(proj, lng, lat);
      if (p > pointStart[e]!) {
        edgeLength[e]! += Math.hypot(pointX[p]! - pointX[p - 1]!, pointY[p]! - pointY[p - 1]!);
      }
      p++;
    }
  });
  pointStart[lines.length] = p;
  return { pointStart, pointX, pointY, edgeLength };
}

/** Builds the network from road lines (lines with fewer than two positions are skipped). */
export function buildNetwork(
  lines: readonly RoadLine[],
  projection?: LocalProjection,
): WalkingNetwork {
  const usable = lines.filter((line) => line.length >= 2);
  const proj = projection ?? localProjection(...centreOf(usable));
  const nodes = nodeRegistry(proj);
  const edgeFrom = Int32Array.from(usable, (line) => nodes.idOf(line[0]!));
  const edgeTo = Int32Array.from(usable, (line) => nodes.idOf(line[line.length - 1]!));
  const shapes = edgeShapes(usable, proj);
  const nodeCount = nodes.xs.length;
  const edgeCount = usable.length;
  return {
    projection: proj,
    nodeCount,
    edgeCount,
    nodeX: Float64Array.from(nodes.xs),
    nodeY: Float64Array.from(nodes.ys),
    edgeFrom,
    edgeTo,
    ...shapes,
    ...adjacency(nodeCount, edgeFrom, edgeTo, shapes.edgeLength),
    index: buildSegmentIndex({ ...shapes, edgeCount }),
  };
}

/** Compressed adjacency: for each node, the edges that start or end there. */
function adjacency(nodeCount: number, from: Int32Array, to: Int32Array, length: Float64Array) {
  const adjStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < from.length; e++) {
    adjStart[from[e]! + 1]!++;
    adjStart[to[e]! + 1]!++;
  }
  for (let n = 0; n < nodeCount; n++) adjStart[n + 1]! += adjStart[n]!;
  const fill = adjStart.slice(0, nodeCount);
  const adjEdge = new Int32Array(2 * from.length);
  const adjNode = new Int32Array(2 * from.length);
  const adjLength = new Float64Array(2 * from.length);
  const add = (at: number, edge: number, other: number) => {
    const k = fill[at]!++;
    adjEdge[k] = edge;
    adjNode[k] = other;
    adjLength[k] = length[edge]!;
  };
  for (let e = 0; e < from.length; e++) {
    add(from[e]!, e, to[e]!);
    add(to[e]!, e, from[e]!);
  }
  return { adjStart, adjEdge, adjNode, adjLength };
}

/** The node at the other end of edge `e` from node `n`. */
export function otherEnd(network: WalkingNetwork, e: number, n: number): number {
  const from = network.edgeFrom[e]!;
  return from === n ? network.edgeTo[e]! : from;
}
