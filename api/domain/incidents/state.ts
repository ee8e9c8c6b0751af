import type {
  EscalationLevel,
  IncidentCategory,
  IncidentStatus,
  Severity,
} from '../../contract/codes';
import type { IncidentWorkflowEventType, SlaClock } from '../../contract/incidents';
import { FINISHED_STATUSES, isOpenStatus } from '../../contract/statuses';

/**
 * What the workflow knows of an incident: the columns of an `incidents` row that actions read
 * or change, in domain form (camelCase, `Date`s, the duplicate's target as a code). Values are
 * never mutated; every change returns a new state.
 */
export interface IncidentState {
  readonly code: string;
  readonly category: IncidentCategory;
  readonly severity: Severity;
  readonly status: IncidentStatus;
  readonly escalationLevel: EscalationLevel;
  /** The grid member handling the case (`grid_members.id`); may be set at creation. */
  readonly assigneeId: string | null;
  /** Code of the incident this one was merged into; set exactly when `status` is `merged`. */
  readonly duplicateOf: string | null;
  readonly reportedAt: Date;
  readonly acceptDeadline: Date;
  /** Urgent calls only: when someone must be on site (handling started); else null. */
  readonly onSiteDeadline: Date | null;
  readonly resolveDeadline: Date;
  /** When handling first started (`start`); stops the on-site clock for good. */
  readonly startedAt: Date | null;
  /** When the case ended: closed, rejected or merged. */
  readonly closedAt: Date | null;
  /** Deadlines recorded as missed, each at most once (`overdue` on the row is "any"). */
  readonly overdueClocks: readonly SlaClock[];
  /** The resident's satisfaction, 1–5, recorded on a closed incident. */
  readonly satisfaction: number | null;
  /** Optimistic-locking version: +1 for every applied action or automatic change. */
  readonly version: number;
}

/** One row to append to `incident_events` (the incident and street code are the caller's). */
export interface IncidentEvent {
  readonly type: IncidentWorkflowEventType;
  /** Status before and after; both null for events that leave the status alone. */
  readonly fromStatus: IncidentStatus | null;
  readonly toStatus: IncidentStatus | null;
  readonly actor: string;
  readonly note: string | null;
  readonly at: Date;
}

/** The outcome of an action or an SLA sweep: the next state and the events that record it. */
export interface TransitionResult {
  readonly incident: IncidentState;
  readonly events: readonly IncidentEvent[];
}

/**
 * Statuses after which nothing changes, except a satisfaction rating on a closed case: the
 * contract's finished group.
 */
export const TERMINAL_STATUSES: readonly IncidentStatus[] = FINISHED_STATUSES;

/** True while the case is still being worked on (not closed, rejected or merged). */
export function isOpen(status: IncidentStatus): boolean {
  return isOpenStatus(status);
}

/** The row's `overdue` flag: true once any deadline has been missed. */
export function isOverdue(incident: Pick<IncidentState, 'overdueClocks'>): boolean {
  return incident.overdueClocks.length > 0;
}

/** The event-log name of the automatic actor (SLA sweeps). */
export const SYSTEM_ACTOR = 'system';
