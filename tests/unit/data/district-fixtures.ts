import { createHash } from 'node:crypto';
import type { Feature, Geometry, Position } from 'geojson';
import type { DistrictPlan } from '../../../data/district/generate';
import type { RowBatch, TableName, TableRows } from '../../../data/district/rows';

/** Shared helpers for the district generator tests. */

/** The fixed clock every test uses (10:30 in China). */
export const NOW = new Date('2025-06-15T02:30:00Z');

/** All rows of a plan, by table. */
export type AllRows = { [T in TableName]: TableRows[T][] };

/** Streams a plan into memory, also returning the batches' tables and sizes in stream order. */
export function collectRows(plan: DistrictPlan): {
  rows: AllRows;
  batches: { table: TableName; size: number }[];
} {
  const rows = {} as Record<TableName, unknown[]>;
  const batches: { table: TableName; size: number }[] = [];
  for (const batch of plan.batches() as Iterable<RowBatch>) {
    batches.push({ table: batch.table, size: batch.rows.length });
    (rows[batch.table] ??= []).push(...batch.rows);
  }
  return { rows: rows as AllRows, batches };
}

/** SHA-256 of the JSON of every batch, in order: equal hashes mean byte-identical output. */
export function hashPlan(plan: DistrictPlan): string {
  const hash = createHash('sha256');
  for (const batch of plan.batches()) hash.update(JSON.stringify(batch));
  return hash.digest('hex');
}

/** Wraps a geometry as a GeoJSON feature for turf. */
export function feature<G extends Geometry>(geometry: G): Feature<G> {
  return { type: 'Feature', properties: {}, geometry };
}

/** Twice the signed planar area of a ring (positive when counter-clockwise). */
export function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let k = 0; k + 1 < ring.length; k++) {
    const [x1 = 0, y1 = 0] = ring[k] as Position;
    const [x2 = 0, y2 = 0] = ring[k + 1] as Position;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/** True when a closed ring is a strictly convex, counter-clockwise polygon. */
export function isConvexCounterClockwise(ring: readonly Position[]): boolean {
  const n = ring.length - 1;
  for (let k = 0; k < n; k++) {
    const [ax = 0, ay = 0] = ring[k] as Position;
    const [bx = 0, by = 0] = ring[(k + 1) % n] as Position;
    const [cx = 0, cy = 0] = ring[(k + 2) % n] as Position;
    if ((bx - ax) * (cy - by) - (by - ay) * (cx - bx) <= 0) return false;
  }
  return true;
}

/** Groups rows by a key. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** Every n-th element (a deterministic sample). */
export function everyNth<T>(rows: readonly T[], n: number): T[] {
  return rows.filter((_, k) => k % n === 0);
}

/** Number of connected components of the road network, joined at identical coordinates. */
export function roadComponents(lines: readonly Position[][]): number {
  const parent = new Map<string, string>();
  const find = (a: string): string => {
    let root = a;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(a, root);
    return root;
  };
  const key = (p: Position) => `${p[0]},${p[1]}`;
  for (const line of lines) {
    for (const p of line) if (!parent.has(key(p))) parent.set(key(p), key(p));
    for (let k = 1; k < line.length; k++) {
      parent.set(find(key(line[k - 1] as Position)), find(key(line[k] as Position)));
    }
  }
  return new Set([...parent.keys()].map(find)).size;
}
