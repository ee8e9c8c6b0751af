import { boundsOf } from './bounds';

/**
 * Straight-line ("as the crow flies") nearest distances, for comparison with walking: the
 * network distance can never be shorter, so straight-line coverage is an upper bound.
 */

/** Sources bucketed on a grid of squares about one source each (cell index → source indexes). */
interface SourceGrid {
  readonly cell: number;
  readonly x0: number;
  readonly y0: number;
  readonly cols: number;
  readonly rows: number;
  readonly start: Int32Array;
  readonly items: Int32Array;
}

function gridOf(xs: ArrayLike<number>, ys: ArrayLike<number>): SourceGrid {
  const [x0, y0, x1, y1] = boundsOf(xs, ys);
  const size = Math.max(50, Math.sqrt(((x1 - x0 + 1) * (y1 - y0 + 1)) / xs.length));
  const cols = Math.floor((x1 - x0) / size) + 1;
  const rows = Math.floor((y1 - y0) / size) + 1;
  const cell = (s: number) =>
    Math.floor((ys[s]! - y0) / size) * cols + Math.floor((xs[s]! - x0) / size);
  const start = new Int32Array(cols * rows + 1);
  for (let s = 0; s < xs.length; s++) start[cell(s) + 1]!++;
  for (let c = 0; c < cols * rows; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, cols * rows);
  const items = new Int32Array(xs.length);
  for (let s = 0; s < xs.length; s++) items[fill[cell(s)]!++] = s;
  return { cell: size, x0, y0, cols, rows, start, items };
}

/** For each target, metres to the nearest source in a straight line (Infinity when none). */
export function straightLineDistances(
  targetX: ArrayLike<number>,
  targetY: ArrayLike<number>,
  sourceX: ArrayLike<number>,
  sourceY: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(targetX.length).fill(Infinity);
  if (sourceX.length === 0) return out;
  const grid = gridOf(sourceX, sourceY);
  for (let t = 0; t < targetX.length; t++) {
    out[t] = nearestIn(grid, targetX[t]!, targetY[t]!, sourceX, sourceY);
  }
  return out;
}

/** The nearest source among those in cell (c, r), if closer than `best`. */
function closestInCell(
  g: SourceGrid,
  c: number,
  r: number,
  x: number,
  y: number,
  best: number,
  sourceX: ArrayLike<number>,
  sourceY: ArrayLike<number>,
): number {
  if (c < 0 || r < 0 || c >= g.cols || r >= g.rows) return best;
  const cell = r * g.cols + c;
  for (let k = g.start[cell]!; k < g.start[cell + 1]!; k++) {
    const s = g.items[k]!;
    const dx = sourceX[s]! - x;
    const dy = sourceY[s]! - y;
    const d = Math.sqrt(dx * dx + dy * dy); // Math.hypot is several times slower
    if (d < best) best = d;
  }
  return best;
}

/** Searches rings of cells outwards until no closer source can lie beyond the ring. */
function nearestIn(
  g: SourceGrid,
  x: number,
  y: number,
  sourceX: ArrayLike<number>,
  sourceY: ArrayLike<number>,
): number {
  const qc = Math.min(g.cols - 1, Math.max(0, Math.floor((x - g.x0) / g.cell)));
  const qr = Math.min(g.rows - 1, Math.max(0, Math.floor((y - g.y0) / g.cell)));
  let best = closestInCell(g, qc, qr, x, y, Infinity, sourceX, sourceY);
  const maxRing = Math.max(g.cols, g.rows);
  for (let ring = 1; ring <= maxRing && (ring - 1) * g.cell <= best; ring++) {
    for (let i = -ring; i <= ring; i++) {
      best = closestInCell(g, qc + i, qr - ring, x, y, best, sourceX, sourceY);
      best = closestInCell(g, qc + i, qr + ring, x, y, best, sourceX, sourceY);
      if (i === -ring || i === ring) continue;
      best = closestInCell(g, qc - ring, qr + i, x, y, best, sourceX, sourceY);
      best = closestInCell(g, qc + ring, qr + i, x, y, best, sourceX, sourceY);
    }
  }
  return best;
}
