import type pg from 'pg';
import { appendEvents } from '../../db/events';
import { dueForSweep, findIncidents, saveIncidentState } from '../../db/incidents';
import { inTransaction } from '../../db/transaction';
import { isConnectionFailure } from '../../db/unavailable';
import type { Clock } from '../../domain/clock';
import { dueEscalations } from '../../domain/incidents';
import type { Logger } from '../../log';
import { incidentEventRows } from './event-rows';

const BATCH = 200;

/**
 * The SLA sweep: marks every deadline that has passed on an open incident as missed (one
 * `<clock>_overdue` event each, once) and escalates it one level, as the pure
 * `dueEscalations` decides. Runs as the system, across all areas, in short transactions of at
 * most 200 incidents; rows another instance is sweeping are skipped, so instances never
 * double-count. Returns how many incidents changed.
 */
export async function sweepOverdue(pool: pg.Pool, now: Date): Promise<number> {
  let changed = 0;
  for (;;) {
    const batch = await sweepBatch(pool, now);
    changed += batch.changed;
    if (batch.seen < BATCH || batch.changed === 0) return changed;
  }
}

async function sweepBatch(pool: pg.Pool, now: Date): Promise<{ seen: number; changed: number }> {
  return inTransaction(pool, async (client) => {
    const codes = await dueForSweep(client, now, BATCH);
    const records = await findIncidents(client, codes);
    const rows = [];
    let changed = 0;
    for (const record of records) {
      const result = dueEscalations(record.state, now);
      if (result.events.length === 0) continue;
      await saveIncidentState(client, record.id, record.state.version, result.incident, now);
      rows.push(...incidentEventRows({ ...record, state: result.incident }, result.events));
      changed += 1;
    }
    await appendEvents(client, rows);
    return { seen: codes.length, changed };
  });
}

/**
 * Runs the sweep every `seconds` on the injected clock's time; a failed sweep is logged and
 * tried again next time. Returns a function that stops it (and waits for a running sweep).
 */
export function startSlaSweeper(options: {
  pool: pg.Pool;
  clock: Clock;
  seconds: number;
  log: Logger;
  onEvents?: () => void;
}): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      try {
        const changed = await sweepOverdue(options.pool, options.clock.now());
        if (changed > 0) options.onEvents?.();
      } catch (error) {
        // While the database is away the sweep waits for the next round; nothing is lost.
        if (isConnectionFailure(error)) {
          options.log.warn('SLA sweep skipped: database unavailable', { error: String(error) });
        } else {
          options.log.error('SLA sweep failed', { error: String(error) });
        }
      }
    });
  }, options.seconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
