import type pg from 'pg';
import { hourlySeries, overviewFigures, type MemorySlot } from '../../../api/db/stats';
import { baselineFigures, hotGrids } from '../../../api/db/stats-trends';
import { overviewWindow } from '../../../api/domain/overview-window';
import { baselineWindows } from '../../../api/domain/stats-baselines';
import { percentile } from './stats';

/** The SLA window the overview route uses (days). */
const SLA_WINDOW_DAYS = 30;

/**
 * The p50 of sequential calls of `work`, in milliseconds: `calls` calls, or fewer (but at least
 * three) when they outlast `budgetMs` — a slow overview must not stretch a quick run to hours.
 */
export async function medianOf(
  calls: number,
  budgetMs: number,
  work: () => Promise<unknown>,
): Promise<number> {
  const times: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < calls && (i < 3 || performance.now() < deadline); i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

/** One `GET /api/v1/stats/overview` over the key's whole scope. */
export async function overviewOverHttp(origin: string, key: string): Promise<void> {
  const response = await fetch(`${origin}/api/v1/stats/overview`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`the overview answered ${response.status}`);
}

/** A memory slot that keeps nothing: every call computes the figures whole. */
const NOTHING_KEPT: MemorySlot = {
  get: () => ({ tally: null, handled: null }),
  set: () => undefined,
};

/**
 * The overview's own statements (the repository functions the route calls, imported so they
 * follow the route), run directly on one connection in a transaction: the database's cost of
 * the same figures, without HTTP, authentication or the scope, and computed whole (a slot that
 * keeps nothing, so no in-memory counts carry over between calls).
 */
export async function overviewDirect(pool: pg.Pool): Promise<void> {
  const window = overviewWindow(new Date(), SLA_WINDOW_DAYS);
  const baselines = baselineWindows(window);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await overviewFigures(client, null, window, NOTHING_KEPT);
    await baselineFigures(client, null, baselines.yesterday);
    await baselineFigures(client, null, baselines.lastWeek);
    await hotGrids(client, null);
    await hourlySeries(client, null, window);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}
