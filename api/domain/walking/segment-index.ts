import { boundsOf } from './bounds';

/**
 * A uniform grid over the segments of the network's edges, for nearest-edge queries: a point is
 * compared only with the segments in the cells around it, ring by ring, until no closer segment
 * can exist.
 */

/** Edge shapes as the index needs them (a subset of WalkingNetwork). */
export interface EdgeShapes {
  readonly edgeCount: number;
  readonly pointStart: Int32Array;
  readonly pointX: Float64Array;
  readonly pointY: Float64Array;
}

/** The nearest point of the network to a query point. */
export interface NearestEdge {
  edge: number;
  /** Metres along the edge from its `from` node to the nearest point. */
  offset: number;
  /** Metres from the query point to the nearest point. */
  distance: number;
  x: number;
  y: number;
}

export interface SegmentIndex {
  /** The nearest edge within `maxDistance` metres, or null. */
  nearest(x: number, y: number, maxDistance: number): NearestEdge | null;
}

const CELL_M = 100;

interface GridFrame {
  minX: number;
  minY: number;
  cols: number;
  rows: number;
}

/** The grid cell (column, row) of a point, clamped to the grid. */
function cellOf(g: GridFrame, x: number, y: number): [number, number] {
  return [
    Math.min(g.cols - 1, Math.max(0, Math.floor((x - g.minX) / CELL_M))),
    Math.min(g.rows - 1, Math.max(0, Math.floor((y - g.minY) / CELL_M))),
  ];
}

function frameOf({ pointX, pointY }: EdgeShapes): GridFrame {
  const [minX, minY, maxX, maxY] = boundsOf(pointX, pointY);
  const cols = Math.floor((maxX - minX) / CELL_M) + 1;
  const rows = Math.floor((maxY - minY) / CELL_M) + 1;
  return { minX, minY, cols, rows };
}

/** (edge, segment start) pairs listed in every cell a segment's bounding box touches. */
function bucketSegments(shapes: EdgeShapes, g: GridFrame): Map<number, number[]> {
  const { pointStart, pointX, pointY, edgeCount } = shapes;
  const buckets = new Map<number, number[]>();
  for (let e = 0; e < edgeCount; e++) {
    for (let p = pointStart[e]!; p < pointStart[e + 1]! - 1; p++) {
      const [c0, r0] = cellOf(
        g,
        Math.min(pointX[p]!, pointX[p + 1]!),
        Math.min(pointY[p]!, pointY[p + 1]!),
      );
      const [c1, r1] = cellOf(
        g,
        Math.max(pointX[p]!, pointX[p + 1]!),
        Math.max(pointY[p]!, pointY[p + 1]!),
      );
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const list = buckets.get(r * g.cols + c) ?? [];
          list.push(e, p);
          buckets.set(r * g.cols + c, list);
        }
      }
    }
  }
  return buckets;
}

/** Builds the grid index over the edges' segments. */
export function buildSegmentIndex(shapes: EdgeShapes): SegmentIndex {
  if (shapes.pointX.length === 0) return { nearest: () => null };
  const g = frameOf(shapes);
  const buckets = bucketSegments(shapes, g);
  const nearest = (x: number, y: number, maxDistance: number): NearestEdge | null => {
    let best: NearestEdge | null = null;
    const [qc, qr] = cellOf(g, x, y);
    const maxRing = Math.ceil(maxDistance / CELL_M) + 1;
    for (let ring = 0; ring <= maxRing; ring++) {
      if (best && (ring - 1) * CELL_M > best.distance) break;
      for (let r = Math.max(0, qr - ring); r <= Math.min(g.rows - 1, qr + ring); r++) {
        for (let c = Math.max(0, qc - ring); c <= Math.min(g.cols - 1, qc + ring); c++) {
          if (Math.max(Math.abs(r - qr), Math.abs(c - qc)) !== ring) continue;
          const list = buckets.get(r * g.cols + c);
          if (list) best = closestIn(shapes, list, x, y, best);
        }
      }
    }
    return best && best.distance <= maxDistance ? best : null;
  };
  return { nearest };
}

/** The closest of the listed (edge, segment start) pairs to (x, y), or `best` if none is closer. */
function closestIn(
  shapes: EdgeShapes,
  list: readonly number[],
  x: number,
  y: number,
  best: NearestEdge | null,
): NearestEdge | null {
  const { pointStart, pointX, pointY } = shapes;
  for (let k = 0; k < list.length; k += 2) {
    const e = list[k]!;
    const p = list[k + 1]!;
    const ax = pointX[p]!,
      ay = pointY[p]!;
    const dx = pointX[p + 1]! - ax,
      dy = pointY[p + 1]! - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    const px = ax + t * dx,
      py = ay + t * dy;
    const d = Math.hypot(x - px, y - py);
    if (best && (d > best.distance || (d === best.distance && e >= best.edge))) continue;
    let offset = t * Math.sqrt(len2);
    for (let q = pointStart[e]!; q < p; q++) {
      offset += Math.hypot(pointX[q + 1]! - pointX[q]!, pointY[q + 1]! - pointY[q]!);
    }
    best = { edge: e, offset, distance: d, x: px, y: py };
  }
  return best;
}
