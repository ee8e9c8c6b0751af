import type { IncidentStatus } from '../../api/contract/codes';
import { type IncidentPoint, isOpen } from './wall-data';

/** Which SLA clock a countdown runs against; null once none is running. */
export type CountdownClock = 'accept' | 'resolve';

/** How pressing a countdown is: in time, close to its deadline, past it, or finished with. */
export type CountdownUrgency = 'ok' | 'soon' | 'overdue' | 'done';

/** The next deadline an incident still races against, at one moment. */
export interface SlaCountdown {
  clock: CountdownClock | null;
  /** Milliseconds to the deadline (negative once passed); null when no clock runs. */
  msLeft: number | null;
  urgency: CountdownUrgency;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Under this share of the report-to-deadline span left, a countdown is "soon". */
export const SOON_FRACTION = 0.25;
/** Under this many milliseconds left, a countdown is "soon" whatever its span. */
export const SOON_MS = 30 * MINUTE_MS;

/**
 * Statuses in which the resolve clock ticks; as on the server (api/domain/incidents/sla.ts) it
 * stops once the case is resolved, so resolved and verified cases wait without a countdown.
 */
const RESOLVE_RUNNING: readonly IncidentStatus[] = [
  'reported',
  'accepted',
  'dispatched',
  'in_progress',
];

function runningClock(status: IncidentStatus): CountdownClock | null {
  if (status === 'reported') return 'accept';
  return RESOLVE_RUNNING.includes(status) ? 'resolve' : null;
}

function urgencyOf(msLeft: number, spanMs: number, overdue: boolean): CountdownUrgency {
  if (overdue || msLeft < 0) return 'overdue';
  return msLeft < spanMs * SOON_FRACTION || msLeft < SOON_MS ? 'soon' : 'ok';
}

/**
 * The countdown an operator watches for one incident at `now`: the accept deadline while the
 * case waits to be accepted, then the resolve deadline until it is resolved. `overdue` once the
 * running deadline has passed or the server recorded any missed deadline; `done` when no clock
 * runs and nothing was missed.
 */
export function slaCountdown(incident: IncidentPoint, now: number): SlaCountdown {
  const clock = runningClock(incident.status);
  if (clock === null) {
    return {
      clock,
      msLeft: null,
      urgency: incident.overdue && isOpen(incident) ? 'overdue' : 'done',
    };
  }
  const deadline = clock === 'accept' ? incident.acceptDeadline : incident.resolveDeadline;
  const msLeft = deadline - now;
  return {
    clock,
    msLeft,
    urgency: urgencyOf(msLeft, deadline - incident.reportedAt, incident.overdue),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Compact countdown text for a wall tile: `12:34` (minutes:seconds) under an hour, `2时05分`
 * under a day, `3天04时` beyond. Negative values (overdue by) get a leading `-`; null reads `—`.
 */
export function formatCountdown(msLeft: number | null): string {
  if (msLeft === null) return '—';
  const sign = msLeft < 0 ? '-' : '';
  const abs = Math.abs(msLeft);
  if (abs >= DAY_MS) {
    return `${sign}${Math.floor(abs / DAY_MS)}天${pad2(Math.floor((abs % DAY_MS) / HOUR_MS))}时`;
  }
  if (abs >= HOUR_MS) {
    return `${sign}${Math.floor(abs / HOUR_MS)}时${pad2(Math.floor((abs % HOUR_MS) / MINUTE_MS))}分`;
  }
  return `${sign}${pad2(Math.floor(abs / MINUTE_MS))}:${pad2(Math.floor((abs % MINUTE_MS) / 1_000))}`;
}
