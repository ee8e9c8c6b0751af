import type { Attachments } from './attach';
import type { WalkingNetwork } from './network';
import { sourcesByEdge } from './shortest-paths';

/**
 * The parts of the network reached within a distance: whole edges, and the partial pieces at
 * the limit (from either end, and around a source on the edge itself). A reach polygon is these
 * pieces given a walkable width and dissolved.
 */

/** A piece of polyline in local metres: flat [x0, y0, x1, y1, …]. */
export type Piece = number[];

/** Intervals [a, b] (metres along an edge) reached within `limit`. */
export function reachedIntervals(
  network: WalkingNetwork,
  nodeDist: Float64Array,
  e: number,
  limit: number,
  sameEdge: readonly { offset: number; access: number }[],
): [number, number][] {
  const len = network.edgeLength[e]!;
  const du = nodeDist[network.edgeFrom[e]!]!;
  const dv = nodeDist[network.edgeTo[e]!]!;
  const intervals: [number, number][] = [];
  if ((du + dv + len) / 2 <= limit) return [[0, len]];
  if (du < limit) intervals.push([0, Math.min(len, limit - du)]);
  if (dv < limit) intervals.push([Math.max(0, len - (limit - dv)), len]);
  for (const s of sameEdge) {
    const spare = limit - s.access;
    if (spare > 0) intervals.push([Math.max(0, s.offset - spare), Math.min(len, s.offset + spare)]);
  }
  return mergeIntervals(intervals);
}

function mergeIntervals(intervals: [number, number][]): [number, number][] {
  const sorted = intervals.filter(([a, b]) => b > a).sort((p, q) => p[0] - q[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The polyline of edge `e` between `a` and `b` metres from its `from` node. */
export function edgePiece(network: WalkingNetwork, e: number, a: number, b: number): Piece {
  const { pointStart, pointX, pointY } = network;
  const out: Piece = [];
  let walked = 0;
  for (let p = pointStart[e]!; p < pointStart[e + 1]! - 1; p++) {
    const x0 = pointX[p]!,
      y0 = pointY[p]!,
      x1 = pointX[p + 1]!,
      y1 = pointY[p + 1]!;
    const seg = Math.hypot(x1 - x0, y1 - y0);
    const s0 = Math.max(a, walked),
      s1 = Math.min(b, walked + seg);
    if (s1 >= s0 && seg > 0) {
      const at = (s: number) => [
        x0 + ((s - walked) / seg) * (x1 - x0),
        y0 + ((s - walked) / seg) * (y1 - y0),
      ];
      if (out.length === 0) out.push(...at(s0));
      out.push(...at(s1));
    }
    walked += seg;
  }
  return out.length >= 4 ? out : [];
}

/** Every reached piece of the network within `limit` metres of the sources. */
export function reachedPieces(
  network: WalkingNetwork,
  nodeDist: Float64Array,
  sources: Attachments,
  limit: number,
): Piece[] {
  const bySource = sourcesByEdge(sources);
  const pieces: Piece[] = [];
  for (let e = 0; e < network.edgeCount; e++) {
    const on = (bySource.get(e) ?? []).map((s) => ({
      offset: sources.offset[s]!,
      access: sources.access[s]!,
    }));
    const du = nodeDist[network.edgeFrom[e]!]!;
    const dv = nodeDist[network.edgeTo[e]!]!;
    if (du >= limit && dv >= limit && on.length === 0) continue;
    for (const [a, b] of reachedIntervals(network, nodeDist, e, limit, on)) {
      const piece = edgePiece(network, e, a, b);
      if (piece.length > 0) pieces.push(piece);
    }
  }
  return pieces;
}

/** Total length of pieces, in metres. */
export function piecesLength(pieces: readonly Piece[]): number {
  let total = 0;
  for (const piece of pieces) {
    for (let i = 2; i < piece.length; i += 2) {
      total += Math.hypot(piece[i]! - piece[i - 2]!, piece[i + 1]! - piece[i - 1]!);
    }
  }
  return total;
}
