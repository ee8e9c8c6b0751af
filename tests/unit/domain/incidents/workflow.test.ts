import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../../../api/domain/errors';
import { reportIncident, type NewIncident } from '../../../../api/domain/incidents/create';
import { AssigneeRequiredError } from '../../../../api/domain/incidents/errors';
import { isOverdue } from '../../../../api/domain/incidents/state';
import { applyAction } from '../../../../api/domain/incidents/workflow';
import type { IncidentAction } from '../../../../api/contract/incidents';
import {
  ADMIN,
  ASSIGNEE,
  at,
  CODE,
  incidentAt,
  OTHER_CODE,
  OTHER_MEMBER,
  T0,
  VALID_INPUT,
} from './fixtures';

const act = (status: Parameters<typeof incidentAt>[0], action: IncidentAction, minutes = 10) =>
  applyAction(incidentAt(status), action, ADMIN, at(minutes));

describe('reportIncident', () => {
  it('starts a case reported, at grid level, version 1, with its deadlines and report event', () => {
    const input: NewIncident = {
      code: CODE,
      category: 'urgent_help',
      severity: 'high',
      assigneeId: ASSIGNEE,
    };
    const { incident, events } = reportIncident(input, 'hotline-12345', T0);
    expect(incident).toMatchObject({ status: 'reported', escalationLevel: 'grid', version: 1 });
    expect(incident.acceptDeadline).toEqual(at(1));
    expect(incident.onSiteDeadline).toEqual(at(10));
    expect(events).toEqual([
      {
        type: 'report',
        fromStatus: null,
        toStatus: 'reported',
        actor: 'hotline-12345',
        note: null,
        at: T0,
      },
    ]);
  });
});

describe('dispatch', () => {
  it('sends the case to the named member', () => {
    const { incident, events } = act('accepted', { action: 'dispatch', assigneeId: OTHER_MEMBER });
    expect(incident.assigneeId).toBe(OTHER_MEMBER);
    expect(events[0]?.note).toBe(`派遣至网格员 ${OTHER_MEMBER}`);
  });

  it('falls back to the member already responsible for the incident', () => {
    const { incident } = act('accepted', { action: 'dispatch' });
    expect(incident.assigneeId).toBe(ASSIGNEE);
  });

  it('asks for an assignee (422) when there is none at all', () => {
    const incident = incidentAt('accepted', { assigneeId: null });
    const attempt = () => applyAction(incident, { action: 'dispatch' }, ADMIN, at(10));
    expect(attempt).toThrow(AssigneeRequiredError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'assignee_required' }));
  });

  it('re-dispatches a case in progress to another member and back to dispatched', () => {
    const { incident, events } = act('in_progress', VALID_INPUT.dispatch);
    expect(incident).toMatchObject({ status: 'dispatched', assigneeId: OTHER_MEMBER });
    expect(events[0]?.note).toBe(`改派：${ASSIGNEE} → ${OTHER_MEMBER}`);
  });

  it('refuses re-dispatching to the member who already has it', () => {
    expect(() => act('dispatched', { action: 'dispatch', assigneeId: ASSIGNEE })).toThrow(
      ConflictError,
    );
  });
});

describe('action input', () => {
  it.each([
    { action: 'reject', reason: '  ' },
    { action: 'reopen', reason: '' },
  ] as IncidentAction[])('requires a reason to $action', (action) => {
    const status = action.action === 'reject' ? 'reported' : 'resolved';
    expect(() => act(status, action)).toThrow(ValidationError);
  });

  it('keeps the reason as the event note', () => {
    const { incident, events } = act('reported', VALID_INPUT.reject);
    expect(incident).toMatchObject({ status: 'rejected', closedAt: at(10) });
    expect(events[0]?.note).toBe('不属于受理范围');
  });

  it.each([0, 6, 2.5, Number.NaN])('refuses satisfaction %s', (satisfaction) => {
    expect(() => act('closed', { action: 'rate', satisfaction })).toThrow(ValidationError);
  });

  it('records satisfaction on a closed case', () => {
    const { incident, events } = act('closed', { action: 'rate', satisfaction: 5, note: '回访' });
    expect(incident).toMatchObject({ status: 'closed', satisfaction: 5 });
    expect(events[0]?.note).toBe('群众满意度 5；回访');
  });

  it('refuses merging an incident into itself', () => {
    expect(() => act('dispatched', { action: 'merge', into: CODE })).toThrow(ValidationError);
  });

  it('merges into another code, ending the case', () => {
    const { incident, events } = act('dispatched', VALID_INPUT.merge);
    expect(incident).toMatchObject({ status: 'merged', duplicateOf: OTHER_CODE, closedAt: at(10) });
    expect(events[0]?.note).toBe(`重复上报，并入事件 ${OTHER_CODE}`);
  });

  it('sends a failed verification back to the same member', () => {
    const { incident } = act('resolved', VALID_INPUT.reopen);
    expect(incident).toMatchObject({ status: 'dispatched', assigneeId: ASSIGNEE });
  });

  it('drops a blank note', () => {
    expect(act('reported', { action: 'accept', note: '  ' }).events[0]?.note).toBeNull();
    expect(act('reported', { action: 'accept', note: ' 已受理 ' }).events[0]?.note).toBe('已受理');
  });

  it('words escalations like the seeded history, with the caller’s note', () => {
    const { events } = act('dispatched', { action: 'escalate', note: '需城管配合' });
    expect(events[0]?.note).toBe('升级：网格 → 社区；需城管配合');
  });
});

describe('applyAction', () => {
  it('never changes its input', () => {
    const incident = Object.freeze(incidentAt('reported'));
    const copy = structuredClone(incident);
    applyAction(incident, VALID_INPUT.accept, ADMIN, at(90));
    expect(incident).toEqual(copy);
  });

  it('raises the version by one per action', () => {
    let incident = incidentAt('reported');
    for (const name of ['accept', 'dispatch', 'start', 'resolve', 'verify', 'close'] as const) {
      incident = applyAction(incident, VALID_INPUT[name], ADMIN, at(10)).incident;
    }
    expect(incident).toMatchObject({ status: 'closed', version: 9, closedAt: at(10) });
  });

  it('records a late acceptance as a missed deadline, once, before the accept event', () => {
    const { incident, events } = act('reported', VALID_INPUT.accept, 61);
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ['accept_overdue', 'system'],
      ['accept', ADMIN.name],
    ]);
    expect(incident.overdueClocks).toEqual(['accept']);
    expect(isOverdue(incident)).toBe(true);
    expect(incident.escalationLevel).toBe('grid');
  });

  it('does not record a miss the sweep already recorded', () => {
    const incident = incidentAt('reported', { overdueClocks: ['accept'] });
    const { events } = applyAction(incident, VALID_INPUT.accept, ADMIN, at(61));
    expect(events.map((e) => e.type)).toEqual(['accept']);
  });

  it('counts completing exactly at the deadline as in time', () => {
    const { events } = act('reported', VALID_INPUT.accept, 60);
    expect(events.map((e) => e.type)).toEqual(['accept']);
  });

  it('records a late resolution and a late on-site start of an urgent call', () => {
    const urgent = reportIncident(
      { code: CODE, category: 'urgent_help', severity: 'high', assigneeId: ASSIGNEE },
      'iot-platform',
      T0,
    ).incident;
    const dispatched = { ...urgent, status: 'dispatched' as const };
    const started = applyAction(dispatched, VALID_INPUT.start, ADMIN, at(11));
    expect(started.events.map((e) => e.type)).toEqual(['on_site_overdue', 'start']);
    const resolved = applyAction(started.incident, VALID_INPUT.resolve, ADMIN, at(121));
    expect(resolved.events.map((e) => e.type)).toEqual(['resolve_overdue', 'resolve']);
    expect(resolved.incident.overdueClocks).toEqual(['on_site', 'resolve']);
  });
});
