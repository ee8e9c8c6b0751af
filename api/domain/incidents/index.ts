/**
 * The incident closed loop, pure: workflow state machine, permissions, SLA deadlines and
 * clocks, automatic escalation, optimistic locking. Routes, the SLA sweep job and the
 * simulator import from here.
 */
export { actorFromPrincipal, ASSIGNED_ACTIONS, forbiddenReason, type Actor } from './actor';
export { reportIncident, type NewIncident } from './create';
export { AssigneeRequiredError, InvalidTransitionError, PreconditionFailedError } from './errors';
export {
  DEFAULT_ESCALATION_POLICY,
  dueEscalations,
  nextLevel,
  type EscalationPolicy,
} from './escalation';
export { overdueClocksFromEvents } from './events';
export { absorbEvent, checkMergeTarget } from './merge';
export { ACTION_RULES, actionsFromState, type ActionRule } from './rules';
export {
  classifySla,
  clockRunning,
  deadlinesFor,
  DEFAULT_SLA_CLASSIFY_OPTIONS,
  DEFAULT_SLA_TABLE,
  SEVERITY_CAPS,
  slaTargetFor,
  type ClockStatus,
  type SlaClassifyOptions,
  type SlaDeadlines,
  type SlaStatus,
  type SlaSubject,
  type SlaTarget,
} from './sla';
export {
  isOpen,
  isOverdue,
  SYSTEM_ACTOR,
  TERMINAL_STATUSES,
  type IncidentEvent,
  type IncidentState,
  type TransitionResult,
} from './state';
export { checkVersion, incidentEtag, parseIfMatch } from './version';
export { allowedActions, applyAction } from './workflow';
