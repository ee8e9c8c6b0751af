import type { IncidentStatus } from '../../contract/codes';
import type { IncidentActionName } from '../../contract/incidents';
import { AppError } from '../errors';

/**
 * The action is not possible in the incident's current state. The message names the
 * status and lists the actions the workflow does allow from it, so a client that raced another
 * change can tell what happened and what it may do now.
 */
export class InvalidTransitionError extends AppError {
  constructor(
    readonly incidentCode: string,
    readonly action: IncidentActionName,
    readonly currentStatus: IncidentStatus,
    readonly allowedActions: readonly IncidentActionName[],
    readonly reason: string | null = null,
  ) {
    const why = reason === null ? '' : ` (${reason})`;
    const allowed = allowedActions.length > 0 ? allowedActions.join(', ') : 'none';
    super(
      'invalid_transition',
      `Cannot ${action} incident ${incidentCode}: its status is ${currentStatus}${why}. ` +
        `Actions allowed from ${currentStatus}: ${allowed}.`,
    );
  }
}

/** The caller's `If-Match` version is not the incident's current version. */
export class PreconditionFailedError extends AppError {
  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      'precondition_failed',
      `The incident has changed: the request was based on version ${expectedVersion}, ` +
        `the current version is ${currentVersion}. Reload the incident and try again.`,
    );
  }
}

/**
 * `dispatch` had no assignee — none in the request and none on the incident. The route
 * fills in the member responsible for the grid before calling the workflow; this error means
 * no such member could be found either.
 */
export class AssigneeRequiredError extends AppError {
  constructor(readonly incidentCode: string) {
    super(
      'assignee_required',
      `Incident ${incidentCode} has no responsible grid member: name one with "assigneeId".`,
    );
  }
}
