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
  /** Edges at node n: adjEdge[adjStart[n]] … adjEdge[adjStart[n + 1] - 1]. */
  readonly adjStart: Int32Array;
  readonly adjEdge: Int32Array;
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

/** Builds the network from road lines (lines with fewer than two positions are skipped). */
export function buildNetwork(
  lines: readonly RoadLine[],
  projection?: LocalProjection,
): WalkingNetwork {
  const usable = lines.filter((line) => line.length >= 2);
  const proj = projection ?? localProjection(...centreOf(usable));
  const nodes = new Map<string, number>();
  const nodeXs: number[] = [];
  const nodeYs: number[] = [];
  const nodeAt = (lng: number, lat: number): number => {
    const key = nodeKey(lng, lat);
    let id = nodes.get(key);
    if (id === undefined) {
      id = nodeXs.length;
      nodes.set(key, id);
      const [x, y] = toMetres(proj, lng, lat);
      nodeXs.push(x);
      nodeYs.push(y);
    }
    return id;
  };
  const edgeCount = usable.length;
  const edgeFrom = new Int32Array(edgeCount);
  const edgeTo = new Int32Array(edgeCount);
  const edgeLength = new Float64Array(edgeCount);
  const pointStart = new Int32Array(edgeCount + 1);
  const totalPoints = usable.reduce((sum, line) => sum + line.length, 0);
  const pointX = new Float64Array(totalPoints);
  const pointY = new Float64Array(totalPoints);
  let p = 0;
  usable.forEach((line, e) => {
    const first = line[0]!;
    const last = line[line.length - 1]!;
    edgeFrom[e] = nodeAt(first[0], first[1]);
    edgeTo[e] = nodeAt(last[0], last[1]);
    pointStart[e] = p;
    let length = 0;
    for (const [lng, lat] of line) {
      const [x, y] = toMetres(proj, lng, lat);
      if (p > pointStart[e]!) length += Math.hypot(x - pointX[p - 1]!, y - pointY[p - 1]!);
      pointX[p] = x;
      pointY[p] = y;
      p++;
    }
    edgeLength[e] = length;
  });
  pointStart[edgeCount] = p;
  const nodeCount = nodeXs.length;
  const { adjStart, adjEdge } = adjacency(nodeCount, edgeFrom, edgeTo);
  const shape = { pointStart, pointX, pointY, edgeCount };
  return {
    projection: proj,
    nodeCount,
    edgeCount,
    nodeX: Float64Array.from(nodeXs),
    nodeY: Float64Array.from(nodeYs),
    edgeFrom,
    edgeTo,
    edgeLength,
    pointStart,
    pointX,
    pointY,
    adjStart,
    adjEdge,
    index: buildSegmentIndex(shape),
  };
}

/** Compressed adjacency: for each node, the edges that start or end there. */
function adjacency(nodeCount: number, from: Int32Array, to: Int32Array) {
  const adjStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < from.length; e++) {
    adjStart[from[e]! + 1]!++;
    adjStart[to[e]! + 1]!++;
  }
  for (let n = 0; n < nodeCount; n++) adjStart[n + 1]! += adjStart[n]!;
  const fill = adjStart.slice(0, nodeCount);
  const adjEdge = new Int32Array(2 * from.length);
  for (let e = 0; e < from.length; e++) {
    adjEdge[fill[from[e]!]!++] = e;
    adjEdge[fill[to[e]!]!++] = e;
  }
  return { adjStart, adjEdge };
}

/** The node at the other end of edge `e` from node `n`. */
export function otherEnd(network: WalkingNetwork, e: number, n: number): number {
  const from = network.edgeFrom[e]!;
  return from === n ? network.edgeTo[e]! : from;
}
