import { describe, expect, it } from 'vitest';
import { USER_ROLES, type IncidentStatus } from '../../../../api/contract/codes';
import { INCIDENT_ACTIONS, type IncidentActionName } from '../../../../api/contract/incidents';
import { actorFromPrincipal, type Actor } from '../../../../api/domain/incidents/actor';
import { ForbiddenError } from '../../../../api/domain/errors';
import { InvalidTransitionError } from '../../../../api/domain/incidents/errors';
import { allowedActions, applyAction } from '../../../../api/domain/incidents/workflow';
import { actorOf, ASSIGNEE, at, incidentAt, OTHER_MEMBER, VALID_INPUT } from './fixtures';

/** A status from which the workflow allows each action. */
const STATUS_FOR: Record<IncidentActionName, IncidentStatus> = {
  accept: 'reported',
  reject: 'reported',
  dispatch: 'accepted',
  start: 'dispatched',
  resolve: 'in_progress',
  verify: 'resolved',
  reopen: 'resolved',
  close: 'verified',
  escalate: 'dispatched',
  merge: 'accepted',
  rate: 'closed',
};

const EVERYTHING = [...INCIDENT_ACTIONS];
const NOTHING: IncidentActionName[] = [];

/** What each kind of caller may do on an incident (at grid level) assigned to `ASSIGNEE`. */
const MAY: { actor: Actor; label: string; actions: IncidentActionName[] }[] = [
  { label: 'admin', actor: actorOf('admin'), actions: EVERYTHING },
  { label: 'commander', actor: actorOf('commander'), actions: EVERYTHING },
  {
    label: 'operator',
    actor: actorOf('operator'),
    actions: EVERYTHING.filter((a) => a !== 'escalate'),
  },
  {
    label: 'grid_member (assignee)',
    actor: actorOf('grid_member', ASSIGNEE),
    actions: ['accept', 'start', 'resolve'],
  },
  { label: 'grid_member (another)', actor: actorOf('grid_member', OTHER_MEMBER), actions: NOTHING },
  { label: 'grid_member (unlinked)', actor: actorOf('grid_member'), actions: NOTHING },
  { label: 'planner', actor: actorOf('planner'), actions: NOTHING },
  { label: 'display', actor: actorOf('display'), actions: NOTHING },
  { label: 'api_consumer', actor: actorOf('api_consumer'), actions: NOTHING },
];

const cases = MAY.flatMap(({ label, actor, actions }) =>
  INCIDENT_ACTIONS.map((action) => ({ label, actor, action, may: actions.includes(action) })),
);

describe('incident permissions', () => {
  it('cover every role', () => {
    const roles = new Set(MAY.map((m) => m.actor.role));
    expect([...roles].sort()).toEqual([...USER_ROLES].sort());
  });

  it.each(cases)('$label may $action: $may', ({ actor, action, may }) => {
    const incident = incidentAt(STATUS_FOR[action]);
    const attempt = () => applyAction(incident, VALID_INPUT[action], actor, at(10));
    if (may) {
      expect(attempt().incident.version).toBe(incident.version + 1);
      expect(allowedActions(incident, actor)).toContain(action);
    } else {
      expect(attempt).toThrow(ForbiddenError);
      expect(allowedActions(incident, actor)).not.toContain(action);
    }
  });

  it('keep closing escalated incidents to commanders and admins', () => {
    const incident = incidentAt('verified', { escalationLevel: 'community' });
    const close = (actor: Actor) => applyAction(incident, VALID_INPUT.close, actor, at(10));
    expect(() => close(actorOf('operator'))).toThrow(/incidents:close-escalated/);
    expect(close(actorOf('commander')).incident.status).toBe('closed');
    expect(close(actorOf('admin')).incident.status).toBe('closed');
    expect(allowedActions(incident, actorOf('operator'))).toEqual(['merge']);
  });

  it('let an operator close an incident that stayed at grid level', () => {
    const incident = incidentAt('verified');
    const result = applyAction(incident, VALID_INPUT.close, actorOf('operator'), at(10));
    expect(result.incident.status).toBe('closed');
  });

  it('answer 403 before 409 when the role can never take the action', () => {
    const incident = incidentAt('reported');
    expect(() =>
      applyAction(incident, VALID_INPUT.close, actorOf('grid_member', ASSIGNEE), at(10)),
    ).toThrow(ForbiddenError);
    expect(() => applyAction(incident, VALID_INPUT.close, actorOf('display'), at(10))).toThrow(
      /Role display may not close incidents \(needs incidents:act\)/,
    );
  });

  it('answer 409 before the assignment check when the status is wrong', () => {
    const incident = incidentAt('reported');
    const stranger = actorOf('grid_member', OTHER_MEMBER);
    expect(() => applyAction(incident, VALID_INPUT.start, stranger, at(10))).toThrow(
      InvalidTransitionError,
    );
  });

  it('name the assignee when a member acts on someone else’s incident', () => {
    const incident = incidentAt('dispatched');
    const stranger = actorOf('grid_member', OTHER_MEMBER);
    expect(() => applyAction(incident, VALID_INPUT.start, stranger, at(10))).toThrow(
      `user:grid_member may start only incidents assigned to them; ${incident.code} is assigned to ${ASSIGNEE}.`,
    );
  });

  it('refuse an assigned-only member an unassigned incident', () => {
    const incident = incidentAt('reported', { assigneeId: null });
    const member = actorOf('grid_member', ASSIGNEE);
    expect(allowedActions(incident, member)).toEqual([]);
    expect(() => applyAction(incident, VALID_INPUT.accept, member, at(10))).toThrow(/nobody/);
  });

  it('offer each role its buttons on a reported incident', () => {
    const incident = incidentAt('reported');
    expect(allowedActions(incident, actorOf('operator'))).toEqual(['accept', 'reject', 'merge']);
    expect(allowedActions(incident, actorOf('commander'))).toEqual([
      'accept',
      'reject',
      'escalate',
      'merge',
    ]);
    expect(allowedActions(incident, actorOf('grid_member', ASSIGNEE))).toEqual(['accept']);
    expect(allowedActions(incident, actorOf('display'))).toEqual([]);
  });

  it('name actors as the audit log does', () => {
    const principal = { kind: 'user' as const, id: 7, name: 'wang', role: 'grid_member' as const };
    expect(actorFromPrincipal({ ...principal, scopes: [] }, ASSIGNEE)).toEqual({
      name: 'user:wang',
      role: 'grid_member',
      memberId: ASSIGNEE,
    });
  });
});
