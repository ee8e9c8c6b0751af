import type { IncidentCategory, Severity } from '../../contract/codes';
import type { SlaClock, SlaState } from '../../contract/incidents';
import { SLA_RUNNING_STATUSES } from '../../contract/statuses';
import type { IncidentState } from './state';

/**
 * Service-level deadlines. Urgent service calls (求助, 突发事件) follow "1 minute to accept,
 * 10 minutes on site"; the other GB/T 30428 event classes and the governance classes get hours,
 * as in the 处置时限 tables of digital city management: accept within 1–2 hours, resolve within
 * 24–72 hours by category. Severity only ever tightens a deadline.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const minutes = (n: number) => n * MINUTE;
const hours = (n: number) => n * HOUR;

/** How long an incident of one category may take, from its report, in milliseconds. */
export interface SlaTarget {
  readonly accept: number;
  /** Urgent calls only: someone on site (handling started); null when not tracked. */
  readonly onSite: number | null;
  readonly resolve: number;
}

const urgent = (resolve: number): SlaTarget => ({
  accept: minutes(1),
  onSite: minutes(10),
  resolve,
});
const ordinary = (accept: number, resolve: number): SlaTarget => ({
  accept,
  onSite: null,
  resolve,
});

/** The default table, at low and medium severity. */
export const DEFAULT_SLA_TABLE: Readonly<Record<IncidentCategory, SlaTarget>> = {
  urgent_help: urgent(hours(2)),
  emergency: urgent(hours(4)),
  city_appearance: ordinary(hours(1), hours(24)),
  street_order: ordinary(hours(1), hours(24)),
  public_security: ordinary(hours(1), hours(24)),
  safety_hazard: ordinary(hours(1), hours(24)),
  special_care: ordinary(hours(1), hours(24)),
  construction: ordinary(hours(1), hours(48)),
  advertising: ordinary(hours(2), hours(72)),
  public_facility: ordinary(hours(2), hours(72)),
  dispute: ordinary(hours(2), hours(72)),
  livelihood: ordinary(hours(2), hours(72)),
};

/** Upper bounds by severity: a high or critical case never waits longer than these. */
export const SEVERITY_CAPS: Readonly<Record<Severity, Partial<SlaTarget>>> = {
  low: {},
  medium: {},
  high: { accept: hours(1), resolve: hours(24) },
  critical: { accept: minutes(30), resolve: hours(4) },
};

/** The deadlines of a new incident. */
export interface SlaDeadlines {
  readonly acceptDeadline: Date;
  readonly onSiteDeadline: Date | null;
  readonly resolveDeadline: Date;
}

/** The time allowed for a category at a severity: the category's target, tightened by severity. */
export function slaTargetFor(
  category: IncidentCategory,
  severity: Severity,
  table: Readonly<Record<IncidentCategory, SlaTarget>> = DEFAULT_SLA_TABLE,
): SlaTarget {
  const base = table[category];
  const cap = SEVERITY_CAPS[severity];
  const tighten = (value: number, limit: number | null | undefined) =>
    limit == null ? value : Math.min(value, limit);
  return {
    accept: tighten(base.accept, cap.accept),
    onSite: base.onSite === null ? null : tighten(base.onSite, cap.onSite),
    resolve: tighten(base.resolve, cap.resolve),
  };
}

/** Deadlines counted from the report time. */
export function deadlinesFor(
  category: IncidentCategory,
  severity: Severity,
  reportedAt: Date,
  table: Readonly<Record<IncidentCategory, SlaTarget>> = DEFAULT_SLA_TABLE,
): SlaDeadlines {
  const target = slaTargetFor(category, severity, table);
  const after = (ms: number) => new Date(reportedAt.getTime() + ms);
  return {
    acceptDeadline: after(target.accept),
    onSiteDeadline: target.onSite === null ? null : after(target.onSite),
    resolveDeadline: after(target.resolve),
  };
}

/** The fields SLA functions read. */
export type SlaSubject = Pick<
  IncidentState,
  | 'status'
  | 'reportedAt'
  | 'startedAt'
  | 'acceptDeadline'
  | 'onSiteDeadline'
  | 'resolveDeadline'
  | 'overdueClocks'
>;

/**
 * True while the clock still ticks: accept until the case leaves `reported`; on-site until
 * handling first starts (a later re-dispatch or reopen does not restart it); resolve until the
 * case is resolved (a `reopen` sets it ticking again, against the same deadline). Rejecting or
 * merging stops every clock.
 */
export function clockRunning(
  incident: Pick<IncidentState, 'status' | 'startedAt'>,
  clock: SlaClock,
): boolean {
  if (clock === 'on_site' && incident.startedAt !== null) return false;
  return SLA_RUNNING_STATUSES[clock].includes(incident.status);
}

/** The clock's deadline, or null when the incident does not track it. */
export function deadlineOf(incident: SlaSubject, clock: SlaClock): Date | null {
  if (clock === 'accept') return incident.acceptDeadline;
  if (clock === 'on_site') return incident.onSiteDeadline;
  return incident.resolveDeadline;
}

/** One clock at one moment. */
export interface ClockStatus {
  readonly state: SlaState;
  readonly deadline: Date;
  readonly running: boolean;
  /** Milliseconds left (negative when late) while running; null once stopped. */
  readonly remainingMs: number | null;
}

/** Every clock of an incident at one moment, and the worst of them. */
export interface SlaStatus {
  readonly accept: ClockStatus;
  readonly onSite: ClockStatus | null;
  readonly resolve: ClockStatus;
  readonly worst: SlaState;
}

/** Options of `classifySla`. */
export interface SlaClassifyOptions {
  /** `due_soon` once less than this share of the clock's whole window is left. */
  readonly dueSoonFraction: number;
}

export const DEFAULT_SLA_CLASSIFY_OPTIONS: SlaClassifyOptions = { dueSoonFraction: 0.2 };

function clockStatus(
  incident: SlaSubject,
  clock: SlaClock,
  deadline: Date,
  now: Date,
  options: SlaClassifyOptions,
): ClockStatus {
  const running = clockRunning(incident, clock);
  if (!running) {
    const missed = incident.overdueClocks.includes(clock);
    return { state: missed ? 'overdue' : 'on_time', deadline, running, remainingMs: null };
  }
  const remainingMs = deadline.getTime() - now.getTime();
  const windowMs = deadline.getTime() - incident.reportedAt.getTime();
  const state: SlaState =
    remainingMs < 0 || incident.overdueClocks.includes(clock)
      ? 'overdue'
      : remainingMs <= windowMs * options.dueSoonFraction
        ? 'due_soon'
        : 'on_time';
  return { state, deadline, running, remainingMs };
}

/**
 * How the incident stands against its deadlines at `now`. A running clock is `overdue` once
 * `now` is past its deadline (exactly at the deadline is still in time) and `due_soon` in the
 * last `dueSoonFraction` of its window; a stopped clock is `overdue` if the miss was recorded,
 * else `on_time`.
 */
export function classifySla(
  incident: SlaSubject,
  now: Date,
  options: SlaClassifyOptions = DEFAULT_SLA_CLASSIFY_OPTIONS,
): SlaStatus {
  const accept = clockStatus(incident, 'accept', incident.acceptDeadline, now, options);
  const resolve = clockStatus(incident, 'resolve', incident.resolveDeadline, now, options);
  const onSite =
    incident.onSiteDeadline === null
      ? null
      : clockStatus(incident, 'on_site', incident.onSiteDeadline, now, options);
  const states = [accept, onSite, resolve].flatMap((c) => (c === null ? [] : [c.state]));
  const worst: SlaState = states.includes('overdue')
    ? 'overdue'
    : states.includes('due_soon')
      ? 'due_soon'
      : 'on_time';
  return { accept, onSite, resolve, worst };
}
