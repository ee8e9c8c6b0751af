import type { WalkingNetwork } from './network';

/**
 * Points (buildings, facilities, a clicked spot) attached to the network at the nearest point of
 * the nearest edge. The access distance — from the point to that spot — counts in every walk.
 */
export interface Attachments {
  readonly count: number;
  /** Edge index, or -1 when no road lies within the search radius (unreachable). */
  readonly edge: Int32Array;
  /** Metres along the edge from its `from` node. */
  readonly offset: Float64Array;
  /** Metres from the point to the edge. */
  readonly access: Float64Array;
}

/** Beyond this, a point is taken to have no road at all (it is unreachable). */
export const MAX_ACCESS_M = 1500;

/** Attaches points given in local metres. */
export function attachPoints(
  network: WalkingNetwork,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  maxAccess = MAX_ACCESS_M,
): Attachments {
  const count = xs.length;
  const edge = new Int32Array(count).fill(-1);
  const offset = new Float64Array(count);
  const access = new Float64Array(count).fill(Infinity);
  for (let i = 0; i < count; i++) {
    const hit = network.index.nearest(xs[i]!, ys[i]!, maxAccess);
    if (!hit) continue;
    edge[i] = hit.edge;
    offset[i] = hit.offset;
    access[i] = hit.distance;
  }
  return { count, edge, offset, access };
}

/** The attachments at the given indexes, in that order. */
export function pickAttachments(all: Attachments, indexes: readonly number[]): Attachments {
  const edge = new Int32Array(indexes.length);
  const offset = new Float64Array(indexes.length);
  const access = new Float64Array(indexes.length);
  indexes.forEach((i, k) => {
    edge[k] = all.edge[i]!;
    offset[k] = all.offset[i]!;
    access[k] = all.access[i]!;
  });
  return { count: indexes.length, edge, offset, access };
}

/** Concatenates attachment sets. */
export function joinAttachments(parts: readonly Attachments[]): Attachments {
  const count = parts.reduce((sum, part) => sum + part.count, 0);
  const edge = new Int32Array(count);
  const offset = new Float64Array(count);
  const access = new Float64Array(count);
  let at = 0;
  for (const part of parts) {
    edge.set(part.edge, at);
    offset.set(part.offset, at);
    access.set(part.access, at);
    at += part.count;
  }
  return { count, edge, offset, access };
}
