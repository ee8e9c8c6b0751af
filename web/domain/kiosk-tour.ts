import type { AdminLevel, Severity } from '../../api/contract/codes';

/**
 * The kiosk's rhythm as data: what the unattended wall shows, step by step. The tour shows
 * stop 0 (the district), then each street (stops 1…n−1), then the district again. New urgent
 * incidents wait in a short queue and are visited one at a time, only at the end of a step and
 * only after `gapSteps` tour steps since the last visit; after a visit the district comes back
 * first, then the tour goes on with the street it was about to show. Pure: the clock comes in
 * with each event.
 */
export interface KioskTourConfig {
  /** Stops of the tour, the district first (at least 1). */
  stopCount: number;
  /** How long each step (a stop or a visit) stays on screen. */
  dwellMs: number;
  /** Tour steps the map shows between two incident visits (at least 1). */
  gapSteps: number;
  /** Incidents that may wait for a visit; a burst beyond this keeps the most urgent. */
  queueLimit: number;
}

/** An urgent incident waiting for its visit. */
export interface QueuedIncident {
  code: string;
  severity: Severity;
  /** Epoch milliseconds when the wall learned of it. */
  at: number;
}

/** What the map shows now: a stop of the tour or an incident. */
export type KioskView = { kind: 'stop'; stop: number } | { kind: 'visit'; code: string };

/** The kiosk's state between events. */
export interface KioskTourState {
  view: KioskView;
  /** Counts the steps shown; a new step has a new number, so the map moves again. */
  step: number;
  /** When the current step began (epoch ms). */
  since: number;
  /** The stop the tour shows next. */
  next: number;
  /** Incidents waiting, in the order they will be visited. */
  queue: QueuedIncident[];
  /** Tour steps begun since the last visit ended. */
  stepsSinceVisit: number;
}

/**
 * What the wall knows of a queued incident: still open, finished (closed, rejected, merged), or
 * not yet in its lists (the alert can come a render before the incident reaches them).
 */
export type VisitStatus = 'open' | 'finished' | 'unknown';

/** What happens to the kiosk: time passes, or an urgent incident is reported. */
export type KioskEvent =
  | { type: 'tick'; now: number; statusOf: (code: string) => VisitStatus }
  | { type: 'report'; incident: QueuedIncident };

/** How long a queued incident may stay unknown to the wall's lists before it is dropped. */
export const UNKNOWN_GRACE_MS = 60_000;

/** Incidents that may wait for a visit unless configured otherwise. */
export const KIOSK_QUEUE_LIMIT = 3;

/** Visit order: critical before high, then first come first served. */
const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

function byVisitOrder(a: QueuedIncident, b: QueuedIncident): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.at - b.at;
}

/**
 * The tour's stops, in order: the district, then its streets; a district of one street tours
 * that street's communities instead, so the wall still shows something closer than the whole.
 */
export function tourStopsOf<T extends { level: AdminLevel }>(places: readonly T[]): T[] {
  const at = (level: AdminLevel) => places.filter((p) => p.level === level);
  const streets = at('street');
  return [...at('district'), ...(streets.length > 1 ? streets : at('community'))];
}

/** The state of a kiosk that starts at `now` on the district overview. */
export function startKioskTour(config: KioskTourConfig, now: number): KioskTourState {
  return {
    view: { kind: 'stop', stop: 0 },
    step: 0,
    since: now,
    next: 1 % Math.max(1, config.stopCount),
    queue: [],
    stepsSinceVisit: config.gapSteps,
  };
}

/**
 * Adds an incident to the queue unless it is already waiting or on screen. When the queue is
 * over its limit, the least urgent and, among equals, the longest-waiting incident is dropped:
 * a burst never builds a backlog, and what is left is the most urgent and the most recent.
 */
export function enqueueIncident(
  state: KioskTourState,
  incident: QueuedIncident,
  limit: number,
): KioskTourState {
  const onScreen = state.view.kind === 'visit' && state.view.code === incident.code;
  if (onScreen || state.queue.some((q) => q.code === incident.code)) return state;
  const byKeep = [...state.queue, incident].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.at - a.at,
  );
  const queue = byKeep.slice(0, Math.max(0, limit)).sort(byVisitOrder);
  return { ...state, queue };
}

function showStop(state: KioskTourState, stop: number, now: number, stopCount: number) {
  const count = Math.max(1, stopCount);
  return {
    ...state,
    view: { kind: 'stop', stop } as const,
    step: state.step + 1,
    since: now,
    next: (stop + 1) % count,
    stepsSinceVisit: state.stepsSinceVisit + 1,
  };
}

/** The next step once the current one has had its dwell. */
function advance(
  state: KioskTourState,
  config: KioskTourConfig,
  now: number,
  statusOf: (code: string) => VisitStatus,
): KioskTourState {
  if (state.view.kind === 'visit') {
    // Back to the district first; the tour then resumes with the street it was about to show.
    const resumed = showStop({ ...state, stepsSinceVisit: 0 }, 0, now, config.stopCount);
    return state.next === 0 ? resumed : { ...resumed, next: state.next };
  }
  const first = state.queue.find((q) => statusOf(q.code) === 'open');
  if (first && state.stepsSinceVisit >= config.gapSteps) {
    const view: KioskView = { kind: 'visit', code: first.code };
    const queue = state.queue.filter((q) => q !== first);
    return { ...state, view, step: state.step + 1, since: now, queue };
  }
  return showStop(state, state.next, now, config.stopCount);
}

/** The kiosk's reducer: state + event → state. */
export function stepKioskTour(
  state: KioskTourState,
  event: KioskEvent,
  config: KioskTourConfig,
): KioskTourState {
  if (event.type === 'report') return enqueueIncident(state, event.incident, config.queueLimit);
  // Finished incidents leave the queue; unknown ones wait a while for the lists to catch up.
  const queue = state.queue.filter((q) => {
    const status = event.statusOf(q.code);
    return status === 'open' || (status === 'unknown' && event.now - q.at < UNKNOWN_GRACE_MS);
  });
  const pruned = queue.length === state.queue.length ? state : { ...state, queue };
  if (event.now - state.since < config.dwellMs) return pruned;
  return advance(pruned, config, event.now, event.statusOf);
}
