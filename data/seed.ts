import type { Database } from '../api/db/database';
import { insertRows } from '../api/db/bulk-insert';
import {
  clearSeededData,
  finishBulkLoad,
  readSeedState,
  writeSeedState,
} from '../api/db/seed-state';
import type { SeedScale } from '../api/contract/codes';
import { systemClock, type Clock } from '../api/domain/clock';
import { generateDistrict } from './district/generate';
import { TABLE_ORDER, type TableName } from './district/rows';

export interface SeedProgress {
  table: TableName;
  tableRows: number;
  tableTotal: number;
  rows: number;
  total: number;
}

export interface SeedOptions {
  scale: SeedScale;
  seed: number;
  /** The end of the 90-day incident history. */
  now: Date;
  /** Stamps the finished seed (the system clock unless a test moves time). */
  clock?: Clock;
  /** Seed even if a finished seed is present (the old data is removed first). */
  force?: boolean;
  onProgress?: (progress: SeedProgress) => void;
  /** Aborting stops between batches; the next start sees the unfinished marker and reseeds. */
  signal?: AbortSignal;
}

/**
 * Seeds the synthetic demo district unless a finished seed is already there. A seed that was
 * interrupted (marker still `running`, or rows without a marker) is cleared and redone, so a
 * start killed half-way recovers on the next start.
 */
export async function seedDemo(
  db: Database,
  options: SeedOptions,
): Promise<'seeded' | 'reseeded' | 'kept'> {
  const { pool } = db;
  const current = await readSeedState(pool);
  if (current.state === 'done' && !options.force) return 'kept';
  await clearSeededData(pool);
  await writeSeedState(pool, {
    state: 'running',
    scale: options.scale,
    seed: options.seed,
    startedAt: options.now.toISOString(),
  });
  await loadDistrict(pool, options);
  await finishBulkLoad(pool);
  await writeSeedState(pool, {
    state: 'done',
    scale: options.scale,
    seed: options.seed,
    finishedAt: (options.clock ?? systemClock).now().toISOString(),
  });
  return current.state === 'running' ? 'reseeded' : 'seeded';
}

async function loadDistrict(pool: Database['pool'], options: SeedOptions): Promise<void> {
  const plan = generateDistrict({ seed: options.seed, scale: options.scale, now: options.now });
  const total = TABLE_ORDER.reduce((sum, table) => sum + plan.estimate[table], 0);
  const perTable = new Map<TableName, number>();
  let rows = 0;
  for (const batch of plan.batches()) {
    options.signal?.throwIfAborted();
    await insertRows(pool, batch.table, batch.rows as unknown as Record<string, unknown>[]);
    const tableRows = (perTable.get(batch.table) ?? 0) + batch.rows.length;
    perTable.set(batch.table, tableRows);
    rows += batch.rows.length;
    const tableTotal = Math.max(plan.estimate[batch.table], tableRows);
    options.onProgress?.({ table: batch.table, tableRows, tableTotal, rows, total });
  }
  const last = TABLE_ORDER[TABLE_ORDER.length - 1]!;
  const lastRows = perTable.get(last) ?? 0;
  // Estimates are close, not exact: the final report says 100 %.
  options.onProgress?.({
    table: last,
    tableRows: lastRows,
    tableTotal: lastRows,
    rows,
    total: rows,
  });
}
