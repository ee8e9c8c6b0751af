import type { IncidentAction, IncidentActionName } from '../../contract/incidents';
import { assertPermitted, assertRoleMayAttempt, forbiddenReason, type Actor } from './actor';
import { effectOf } from './effects';
import { lateClock, overdueEvent } from './escalation';
import { makeEvent } from './events';
import { ACTION_RULES, actionsFromState, assertTransition } from './rules';
import type { IncidentEvent, IncidentState, TransitionResult } from './state';

/**
 * The incident workflow as a pure state machine: an action, its actor and the time go in; the
 * next state and the events to append come out. The input is never changed.
 *
 * Checks run in this order, so the answer is the most useful one:
 * 1. the actor's role can never take this action → `ForbiddenError` (403);
 * 2. the workflow does not allow it from the current state → `InvalidTransitionError` (409),
 *    naming the status and the allowed actions;
 * 3. the actor may not take it on this incident (not their assignment, or closing an escalated
 *    case without `incidents:close-escalated`) → `ForbiddenError` (403);
 * 4. the input is wrong (blank reason, rating outside 1–5, merging into itself) →
 *    `ValidationError` (400); a dispatch with no assignee at all → `AssigneeRequiredError` (422);
 *    re-dispatching to the same member → `ConflictError` (409).
 *
 * Each applied action raises `version` by exactly 1. Completing a stage after its deadline
 * (accept, on-site start of an urgent call, resolve) records the miss once with a
 * `<clock>_overdue` event before the action's own event, unless the SLA sweep already did.
 */
export function applyAction(
  incident: IncidentState,
  action: IncidentAction,
  actor: Actor,
  now: Date,
): TransitionResult {
  const name = action.action;
  assertRoleMayAttempt(actor, name);
  assertTransition(incident, name);
  assertPermitted(incident, name, actor);
  const rule = ACTION_RULES[name];
  const effect = effectOf(incident, action, now);
  const events: IncidentEvent[] = [];
  const late = lateClock(incident, rule.stops, now);
  if (late !== null) events.push(overdueEvent(late.clock, late.deadline, now));
  const from = rule.to === null ? null : incident.status;
  events.push(makeEvent(name, actor.name, now, effect.note, from, rule.to));
  const next: IncidentState = {
    ...incident,
    ...effect.changes,
    status: rule.to ?? incident.status,
    overdueClocks: late === null ? incident.overdueClocks : [...incident.overdueClocks, late.clock],
    version: incident.version + 1,
  };
  return { incident: next, events };
}

/**
 * The actions `actor` may take on `incident` now: allowed by the workflow from its state and
 * permitted to the actor (what the UI should offer as buttons). Input such as a reason or a
 * rating is not considered.
 */
export function allowedActions(incident: IncidentState, actor: Actor): IncidentActionName[] {
  return actionsFromState(incident).filter(
    (action) => forbiddenReason(incident, action, actor) === null,
  );
}
