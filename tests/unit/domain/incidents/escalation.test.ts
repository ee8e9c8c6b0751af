import { describe, expect, it } from 'vitest';
import { ESCALATION_LEVELS } from '../../../../api/contract/codes';
import { reportIncident } from '../../../../api/domain/incidents/create';
import { dueEscalations, nextLevel } from '../../../../api/domain/incidents/escalation';
import { overdueClocksFromEvents } from '../../../../api/domain/incidents/events';
import type { IncidentState } from '../../../../api/domain/incidents/state';
import { applyAction } from '../../../../api/domain/incidents/workflow';
import { ADMIN, ASSIGNEE, at, CODE, incidentAt, T0, VALID_INPUT } from './fixtures';

const urgentCall = (): IncidentState =>
  reportIncident(
    { code: CODE, category: 'urgent_help', severity: 'critical', assigneeId: ASSIGNEE },
    'iot-platform',
    T0,
  ).incident;

const types = (result: ReturnType<typeof dueEscalations>) =>
  result.events.map((e) => `${e.type}:${e.actor}`);

describe('dueEscalations', () => {
  it('does nothing before a deadline passes, or exactly at it', () => {
    const incident = urgentCall();
    for (const now of [at(0.5), at(1)]) {
      const result = dueEscalations(incident, now);
      expect(result.events).toEqual([]);
      expect(result.incident).toBe(incident);
    }
  });

  it('marks an unaccepted urgent call overdue and escalates it one level', () => {
    const result = dueEscalations(urgentCall(), at(2));
    expect(types(result)).toEqual(['accept_overdue:system', 'escalate:system']);
    expect(result.events[1]?.note).toBe('升级：网格 → 社区');
    expect(result.events.every((e) => e.at.getTime() === at(2).getTime())).toBe(true);
    expect(result.events.every((e) => e.fromStatus === null && e.toStatus === null)).toBe(true);
    expect(result.incident).toMatchObject({
      status: 'reported',
      escalationLevel: 'community',
      overdueClocks: ['accept'],
      version: 2,
    });
  });

  it('fires nothing more when swept again at the same moment', () => {
    const first = dueEscalations(urgentCall(), at(2));
    const second = dueEscalations(first.incident, at(2));
    expect(second.events).toEqual([]);
    expect(second.incident).toBe(first.incident);
  });

  it('fires each later deadline once as the clock moves on', () => {
    let incident = urgentCall();
    const fired: string[][] = [];
    for (const minutes of [2, 5, 11, 11, 60, 121, 121, 600]) {
      const result = dueEscalations(incident, at(minutes));
      fired.push(types(result));
      incident = result.incident;
    }
    expect(fired).toEqual([
      ['accept_overdue:system', 'escalate:system'],
      [],
      ['on_site_overdue:system', 'escalate:system'],
      [],
      [],
      ['resolve_overdue:system', 'escalate:system'],
      [],
      [],
    ]);
    expect(incident).toMatchObject({ escalationLevel: 'district', version: 4 });
    expect(incident.overdueClocks).toEqual(['accept', 'on_site', 'resolve']);
  });

  it('catches up on every missed deadline in one sweep after a long pause', () => {
    const result = dueEscalations(urgentCall(), at(600));
    expect(result.events.map((e) => e.type)).toEqual([
      'accept_overdue',
      'escalate',
      'on_site_overdue',
      'escalate',
      'resolve_overdue',
      'escalate',
    ]);
    expect(result.incident).toMatchObject({ escalationLevel: 'district', version: 2 });
  });

  it('only marks overdue at the district, the top level', () => {
    const incident = incidentAt('reported', { escalationLevel: 'district' });
    const result = dueEscalations(incident, at(61));
    expect(result.events.map((e) => e.type)).toEqual(['accept_overdue']);
    expect(result.incident.escalationLevel).toBe('district');
  });

  it('follows the policy on which misses escalate', () => {
    const result = dueEscalations(incidentAt('reported'), at(61), { escalateOn: ['resolve'] });
    expect(result.events.map((e) => e.type)).toEqual(['accept_overdue']);
    expect(result.incident.escalationLevel).toBe('grid');
  });

  it('leaves stopped clocks alone: accepted on time, resolved, or ended cases', () => {
    expect(dueEscalations(incidentAt('accepted'), at(61)).events).toEqual([]);
    expect(dueEscalations(incidentAt('resolved'), at(10_000)).events).toEqual([]);
    for (const status of ['closed', 'rejected', 'merged'] as const) {
      expect(dueEscalations(incidentAt(status), at(10_000)).events).toEqual([]);
    }
  });

  it('does not repeat a miss the workflow recorded on a late acceptance', () => {
    const accepted = applyAction(incidentAt('reported'), VALID_INPUT.accept, ADMIN, at(90));
    expect(accepted.incident.overdueClocks).toEqual(['accept']);
    expect(dueEscalations(accepted.incident, at(90)).events).toEqual([]);
  });

  it('restarts the resolve clock after a reopen', () => {
    const resolved = incidentAt('resolved');
    const reopened = applyAction(resolved, VALID_INPUT.reopen, ADMIN, at(60)).incident;
    const result = dueEscalations(reopened, at(24 * 60 + 1));
    expect(result.events.map((e) => e.type)).toEqual(['resolve_overdue', 'escalate']);
  });

  it('does not restart the on-site clock of an urgent call handled in time', () => {
    const call = urgentCall();
    let incident = applyAction(call, VALID_INPUT.accept, ADMIN, at(0.5)).incident;
    incident = applyAction(incident, { action: 'dispatch' }, ADMIN, at(0.8)).incident;
    incident = applyAction(incident, VALID_INPUT.start, ADMIN, at(8)).incident;
    incident = applyAction(incident, VALID_INPUT.dispatch, ADMIN, at(30)).incident;
    expect(incident).toMatchObject({ status: 'dispatched', startedAt: at(8) });
    expect(dueEscalations(incident, at(31)).events).toEqual([]);
    const restarted = applyAction(incident, VALID_INPUT.start, ADMIN, at(40));
    expect(restarted.events.map((e) => e.type)).toEqual(['start']);
    expect(restarted.incident.startedAt).toEqual(at(8));
  });

  it('names levels up to the district', () => {
    expect(ESCALATION_LEVELS.map(nextLevel)).toEqual(['community', 'street', 'district', null]);
  });

  it('lets the missed clocks be read back from the event log', () => {
    const result = dueEscalations(urgentCall(), at(11));
    const logged = ['report', ...result.events.map((e) => e.type)];
    expect(overdueClocksFromEvents(logged)).toEqual(result.incident.overdueClocks);
  });
});
