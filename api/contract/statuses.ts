import { INCIDENT_STATUSES, type IncidentStatus } from './codes';
import type { SlaClock } from './incidents';

/**
 * The incident status groups, written once. The API, the Open311 surface, the map style and the
 * web app import them from here; SQL reads the same "open" rule through the database function
 * `incident_is_open(status)` (migrations/0013_status_groups.sql), which the partial index of
 * open incidents shares, and a test keeps the function and this list in step.
 */

/** Statuses after which nothing changes (except a rating on a closed case): the case has ended. */
export const FINISHED_STATUSES = [
  'closed',
  'rejected',
  'merged',
] as const satisfies readonly IncidentStatus[];
/** A status in which a case has ended. */
export type FinishedStatus = (typeof FINISHED_STATUSES)[number];

/** Statuses of a case still being worked on — every other one, `verified` included. */
export const OPEN_STATUSES: readonly IncidentStatus[] = INCIDENT_STATUSES.filter(
  (status) => !isFinishedStatus(status),
);

/** Ends without handling: the report was turned down or folded into another one. */
export const DROPPED_STATUSES = ['rejected', 'merged'] as const satisfies readonly FinishedStatus[];

/**
 * The statuses in which each SLA clock keeps running: accept until the case leaves `reported`;
 * on-site until handling starts; resolve until the case is resolved. (On-site also stops for good
 * once handling has started, whatever the status: see `clockRunning` in the domain.)
 */
export const SLA_RUNNING_STATUSES: Readonly<Record<SlaClock, readonly IncidentStatus[]>> = {
  accept: ['reported'],
  on_site: ['reported', 'accepted', 'dispatched'],
  resolve: ['reported', 'accepted', 'dispatched', 'in_progress'],
};

/** True once the case has ended: closed, rejected or merged. */
export function isFinishedStatus(status: IncidentStatus): boolean {
  return (FINISHED_STATUSES as readonly IncidentStatus[]).includes(status);
}

/** True while the case is still being worked on (not closed, rejected or merged). */
export function isOpenStatus(status: IncidentStatus): boolean {
  return !isFinishedStatus(status);
}
