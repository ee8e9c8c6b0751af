import type { IncidentStatus } from '../../contract/codes';
import { INCIDENT_ACTIONS, type IncidentActionName, type SlaClock } from '../../contract/incidents';
import { OPEN_STATUSES } from '../../contract/statuses';
import { InvalidTransitionError } from './errors';
import type { IncidentState } from './state';

/**
 * The transition table of the closed loop (问题收集 → 分类处置 → 反馈销号):
 *
 * | action   | from                                   | to                          |
 * | -------- | -------------------------------------- | --------------------------- |
 * | accept   | reported                               | accepted                    |
 * | reject   | reported                               | rejected (reason required)  |
 * | dispatch | accepted, dispatched, in_progress      | dispatched (re-dispatching) |
 * | start    | dispatched                             | in_progress                 |
 * | resolve  | in_progress                            | resolved                    |
 * | verify   | resolved                               | verified                    |
 * | reopen   | resolved (verification failed)         | dispatched (reason required)|
 * | close    | verified                               | closed                      |
 * | escalate | any open status, below district        | unchanged, level + 1        |
 * | merge    | any open status                        | merged (into another code)  |
 * | rate     | closed, not yet rated                  | unchanged, satisfaction 1–5 |
 */
export interface ActionRule {
  readonly from: readonly IncidentStatus[];
  /** The status after the action; null when the status does not change. */
  readonly to: IncidentStatus | null;
  /** The SLA clock the action stops, if it can complete one late. */
  readonly stops: SlaClock | null;
}

/** Every open status (the contract's group): escalation and merging apply to any of them. */
const OPEN = OPEN_STATUSES;

const rule = (
  from: readonly IncidentStatus[],
  to: IncidentStatus | null,
  stops: SlaClock | null = null,
): ActionRule => ({ from, to, stops });

export const ACTION_RULES: Readonly<Record<IncidentActionName, ActionRule>> = {
  accept: rule(['reported'], 'accepted', 'accept'),
  reject: rule(['reported'], 'rejected'),
  dispatch: rule(['accepted', 'dispatched', 'in_progress'], 'dispatched'),
  start: rule(['dispatched'], 'in_progress', 'on_site'),
  resolve: rule(['in_progress'], 'resolved', 'resolve'),
  verify: rule(['resolved'], 'verified'),
  reopen: rule(['resolved'], 'dispatched'),
  close: rule(['verified'], 'closed'),
  escalate: rule(OPEN, null),
  merge: rule(OPEN, 'merged'),
  rate: rule(['closed'], null),
};

/** Why an action the status allows is still refused (the level or the rating), or null. */
function guardReason(incident: IncidentState, action: IncidentActionName): string | null {
  if (action === 'escalate' && incident.escalationLevel === 'district') {
    return 'it is already escalated to the district, the top level';
  }
  if (action === 'rate' && incident.satisfaction !== null) {
    return `it is already rated ${incident.satisfaction}`;
  }
  return null;
}

/** Actions the workflow allows from the incident's current state, whoever asks. */
export function actionsFromState(incident: IncidentState): IncidentActionName[] {
  return INCIDENT_ACTIONS.filter(
    (action) =>
      ACTION_RULES[action].from.includes(incident.status) && guardReason(incident, action) === null,
  );
}

/** Throws `InvalidTransitionError` (409) unless the workflow allows `action` now. */
export function assertTransition(incident: IncidentState, action: IncidentActionName): void {
  const allowedByStatus = ACTION_RULES[action].from.includes(incident.status);
  const reason = allowedByStatus ? guardReason(incident, action) : null;
  if (allowedByStatus && reason === null) return;
  throw new InvalidTransitionError(
    incident.code,
    action,
    incident.status,
    actionsFromState(incident),
    reason,
  );
}
