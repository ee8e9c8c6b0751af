import type { IncidentAction } from '../../contract/incidents';
import { ConflictError, ValidationError } from '../errors';
import { AssigneeRequiredError } from './errors';
import { joinNote, noteOf } from './events';
import { escalationNote, nextLevel } from './escalation';
import type { IncidentState } from './state';

/**
 * What each action changes besides the status and version, with the input checks that need the
 * incident (the wire schema checks shapes; the workflow checks again for direct callers such as
 * the simulator). Assumes the transition is allowed and permitted.
 */
export interface ActionEffect {
  readonly changes: Partial<IncidentState>;
  /** The note of the event recording the action. */
  readonly note: string | null;
}

function requireText(value: string | undefined, field: string, action: string): string {
  const text = value?.trim() ?? '';
  if (text.length === 0) {
    throw new ValidationError(`"${field}" is required to ${action} an incident.`, [
      { path: field, message: 'required' },
    ]);
  }
  return text;
}

function dispatchEffect(
  incident: IncidentState,
  requested: string | undefined,
  note: string | undefined,
): ActionEffect {
  const assignee = requested?.trim() || incident.assigneeId;
  if (!assignee) throw new AssigneeRequiredError(incident.code);
  if (incident.status === 'accepted') {
    return { changes: { assigneeId: assignee }, note: joinNote(`派遣至网格员 ${assignee}`, note) };
  }
  if (assignee === incident.assigneeId) {
    throw new ConflictError(
      `Incident ${incident.code} is already dispatched to ${assignee}: name another member to re-dispatch it.`,
    );
  }
  const text = `改派：${incident.assigneeId ?? '无'} → ${assignee}`;
  return { changes: { assigneeId: assignee }, note: joinNote(text, note) };
}

function mergeEffect(
  incident: IncidentState,
  into: string,
  note: string | undefined,
  now: Date,
): ActionEffect {
  const target = requireText(into, 'into', 'merge');
  if (target === incident.code) {
    throw new ValidationError(`Incident ${incident.code} cannot be merged into itself.`, [
      { path: 'into', message: 'must be another incident' },
    ]);
  }
  return {
    changes: { duplicateOf: target, closedAt: now },
    note: joinNote(`重复上报，并入事件 ${target}`, note),
  };
}

function rateEffect(satisfaction: number, note: string | undefined): ActionEffect {
  if (!Number.isInteger(satisfaction) || satisfaction < 1 || satisfaction > 5) {
    throw new ValidationError('Satisfaction is a whole number from 1 to 5.', [
      { path: 'satisfaction', message: 'must be an integer from 1 to 5' },
    ]);
  }
  return { changes: { satisfaction }, note: joinNote(`群众满意度 ${satisfaction}`, note) };
}

function escalateEffect(incident: IncidentState, note: string | undefined): ActionEffect {
  const from = incident.escalationLevel;
  // The transition rules refuse `escalate` at the district, so `nextLevel` is never null here.
  const up = nextLevel(from) ?? from;
  return { changes: { escalationLevel: up }, note: escalationNote(from, up, note) };
}

/** The changes `action` makes to `incident` at `now`, or a typed error for bad input. */
export function effectOf(incident: IncidentState, action: IncidentAction, now: Date): ActionEffect {
  switch (action.action) {
    case 'reject':
      return { changes: { closedAt: now }, note: requireText(action.reason, 'reason', 'reject') };
    case 'reopen':
      return { changes: {}, note: requireText(action.reason, 'reason', 'reopen') };
    case 'dispatch':
      return dispatchEffect(incident, action.assigneeId, action.note);
    case 'start':
      return { changes: { startedAt: incident.startedAt ?? now }, note: noteOf(action.note) };
    case 'close':
      return { changes: { closedAt: now }, note: noteOf(action.note) };
    case 'escalate':
      return escalateEffect(incident, action.note);
    case 'merge':
      return mergeEffect(incident, action.into, action.note, now);
    case 'rate':
      return rateEffect(action.satisfaction, action.note);
    default:
      return { changes: {}, note: noteOf(action.note) };
  }
}
