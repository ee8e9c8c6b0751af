/**
 * Straight-line ("as the crow flies") nearest distances, for comparison with walking: the
 * network distance can never be shorter, so straight-line coverage is an upper bound.
 */

const CELL_M = 250;

/** For each target, metres to the nearest source in a straight line (Infinity when none). */
export function straightLineDistances(
  targetX: ArrayLike<number>,
  targetY: ArrayLike<number>,
  sourceX: ArrayLike<number>,
  sourceY: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(targetX.length).fill(Infinity);
  if (sourceX.length === 0) return out;
  if (sourceX.length < 64) {
    for (let t = 0; t < targetX.length; t++) {
      for (let s = 0; s < sourceX.length; s++) {
        out[t] = Math.min(
          out[t]!,
          Math.hypot(sourceX[s]! - targetX[t]!, sourceY[s]! - targetY[t]!),
        );
      }
    }
    return out;
  }
  const cells = new Map<string, number[]>();
  const key = (c: number, r: number) => `${c},${r}`;
  for (let s = 0; s < sourceX.length; s++) {
    const k = key(Math.floor(sourceX[s]! / CELL_M), Math.floor(sourceY[s]! / CELL_M));
    const list = cells.get(k) ?? [];
    list.push(s);
    cells.set(k, list);
  }
  for (let t = 0; t < targetX.length; t++) {
    out[t] = nearestIn(cells, key, targetX[t]!, targetY[t]!, sourceX, sourceY);
  }
  return out;
}

function nearestIn(
  cells: Map<string, number[]>,
  key: (c: number, r: number) => string,
  x: number,
  y: number,
  sourceX: ArrayLike<number>,
  sourceY: ArrayLike<number>,
): number {
  const c0 = Math.floor(x / CELL_M),
    r0 = Math.floor(y / CELL_M);
  let best = Infinity;
  for (let ring = 0; ring < 400; ring++) {
    if ((ring - 1) * CELL_M > best) break;
    for (let r = r0 - ring; r <= r0 + ring; r++) {
      for (let c = c0 - ring; c <= c0 + ring; c++) {
        if (Math.max(Math.abs(r - r0), Math.abs(c - c0)) !== ring) continue;
        for (const s of cells.get(key(c, r)) ?? []) {
          best = Math.min(best, Math.hypot(sourceX[s]! - x, sourceY[s]! - y));
        }
      }
    }
  }
  return best;
}
