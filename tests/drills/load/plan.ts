import type { DrillOptions } from '../support';

/**
 * How hard the load drill pushes, by form and database. The embedded database is one process
 * that serialises transactions, so it gets fewer reporters and tile readers; both keep the
 * 200 stream subscribers the issue asks for.
 */
export interface LoadPlan {
  /** How long reports and tiles keep coming. */
  durationMs: number;
  subscribers: number;
  /** Concurrent reporters, each sending one report after another with `reportPauseMs` between. */
  reporters: number;
  reportPauseMs: number;
  /** Concurrent tile readers, each fetching one tile after another. */
  tileReaders: number;
  /** How many subscribers drop their connection mid-run and resume with Last-Event-ID. */
  blips: number;
  /** After the load: how long every subscriber must have been quiet before checking. */
  quietMs: number;
  /** After the load: the longest wait for subscribers to catch up. */
  drainTimeoutMs: number;
}

export function loadPlan({ short, db }: DrillOptions): LoadPlan {
  const embedded = db === 'embedded';
  return {
    durationMs: short ? 40_000 : 180_000,
    subscribers: 200,
    reporters: embedded ? 2 : 4,
    reportPauseMs: embedded ? 400 : 100,
    tileReaders: embedded ? 1 : 3,
    blips: short ? 20 : 60,
    quietMs: 10_000,
    drainTimeoutMs: embedded ? 240_000 : 120_000,
  };
}

/** Server settings for the drill: no simulator, a rare SLA sweep, limits out of the way. */
export const LOAD_SERVER_ENV: Record<string, string> = {
  // Every event in the run is then the drill's own: nothing is written after the load stops,
  // so "quiet" at the end means "caught up".
  YIPING_SIMULATOR: 'off',
  YIPING_SLA_SWEEP_SECONDS: '3600',
  // The drill measures throughput, not the per-caller abuse limits.
  YIPING_RATE_LIMIT: '1000000',
  YIPING_IP_RATE_LIMIT: '1000000',
};
