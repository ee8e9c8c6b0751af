import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../../../api/contract/codes';
import { INCIDENT_ACTIONS, type IncidentActionName } from '../../../../api/contract/incidents';
import { InvalidTransitionError } from '../../../../api/domain/incidents/errors';
import { actionsFromState } from '../../../../api/domain/incidents/rules';
import { allowedActions, applyAction } from '../../../../api/domain/incidents/workflow';
import { ADMIN, at, incidentAt, VALID_INPUT } from './fixtures';
import { httpStatusOf } from '../../../../api/http/error-status';

/**
 * The whole transition table, written out independently of the implementation: for each
 * status, the actions it allows and the status each leads to (same status for escalate/rate).
 */
const EXPECTED: Record<IncidentStatus, Partial<Record<IncidentActionName, IncidentStatus>>> = {
  reported: { accept: 'accepted', reject: 'rejected', escalate: 'reported', merge: 'merged' },
  accepted: { dispatch: 'dispatched', escalate: 'accepted', merge: 'merged' },
  dispatched: {
    dispatch: 'dispatched',
    start: 'in_progress',
    escalate: 'dispatched',
    merge: 'merged',
  },
  in_progress: {
    dispatch: 'dispatched',
    resolve: 'resolved',
    escalate: 'in_progress',
    merge: 'merged',
  },
  resolved: { verify: 'verified', reopen: 'dispatched', escalate: 'resolved', merge: 'merged' },
  verified: { close: 'closed', escalate: 'verified', merge: 'merged' },
  closed: { rate: 'closed' },
  rejected: {},
  merged: {},
};

const allowedIn = (status: IncidentStatus) =>
  INCIDENT_ACTIONS.filter((action) => EXPECTED[status][action] !== undefined);

const pairs = INCIDENT_STATUSES.flatMap((status) =>
  INCIDENT_ACTIONS.map((action) => ({ status, action, to: EXPECTED[status][action] ?? null })),
);
const allowedPairs = pairs.filter((p) => p.to !== null);
const refusedPairs = pairs.filter((p) => p.to === null);

describe('incident transitions', () => {
  it('cover every (status, action) pair', () => {
    expect(pairs).toHaveLength(INCIDENT_STATUSES.length * INCIDENT_ACTIONS.length);
    expect(allowedPairs).toHaveLength(23);
  });

  it.each(allowedPairs)('allow $action from $status (→ $to)', ({ status, action, to }) => {
    const incident = incidentAt(status);
    const { incident: next, events } = applyAction(incident, VALID_INPUT[action], ADMIN, at(10));
    expect(next.status).toBe(to);
    expect(next.version).toBe(incident.version + 1);
    expect(events.map((e) => e.type)).toEqual([action]);
    const changesStatus = action !== 'escalate' && action !== 'rate';
    expect(events[0]?.fromStatus).toBe(changesStatus ? status : null);
    expect(events[0]?.toStatus).toBe(changesStatus ? to : null);
    expect(events[0]?.actor).toBe(ADMIN.name);
    expect(events[0]?.at).toEqual(at(10));
  });

  it.each(refusedPairs)('refuse $action from $status with 409', ({ status, action }) => {
    const incident = incidentAt(status);
    let error: unknown;
    try {
      applyAction(incident, VALID_INPUT[action], ADMIN, at(10));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidTransitionError);
    const refusal = error as InvalidTransitionError;
    expect(httpStatusOf(refusal.code)).toBe(409);
    expect(refusal.code).toBe('invalid_transition');
    expect(refusal.message).toContain(`Cannot ${action} incident ${incident.code}`);
    expect(refusal.message).toContain(`its status is ${status}`);
    const list = allowedIn(status).join(', ') || 'none';
    expect(refusal.message).toContain(`Actions allowed from ${status}: ${list}.`);
    expect(refusal.allowedActions).toEqual(allowedIn(status));
  });

  it.each(INCIDENT_STATUSES)('list the same actions as the table from %s', (status) => {
    expect(actionsFromState(incidentAt(status))).toEqual(allowedIn(status));
    expect(allowedActions(incidentAt(status), ADMIN)).toEqual(allowedIn(status));
  });

  it('refuse escalating beyond the district, saying why', () => {
    const incident = incidentAt('dispatched', { escalationLevel: 'district' });
    expect(() => applyAction(incident, VALID_INPUT.escalate, ADMIN, at(10))).toThrow(
      /already escalated to the district.*Actions allowed from dispatched: dispatch, start, merge\./,
    );
    expect(actionsFromState(incident)).not.toContain('escalate');
  });

  it('refuse a second rating, saying why', () => {
    const incident = incidentAt('closed', { satisfaction: 5 });
    expect(() => applyAction(incident, VALID_INPUT.rate, ADMIN, at(10))).toThrow(
      /already rated 5.*Actions allowed from closed: none\./,
    );
  });

  it('raise the level one step per escalation', () => {
    const levels = [];
    let incident = incidentAt('accepted');
    for (let k = 0; k < 3; k++) {
      incident = applyAction(incident, VALID_INPUT.escalate, ADMIN, at(10 + k)).incident;
      levels.push(incident.escalationLevel);
    }
    expect(levels).toEqual(['community', 'street', 'district']);
  });
});
