import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../../api/contract/stream';
import { alertFromEvent, alertTone } from '../../../../web/domain/wall-alerts';

function event(overrides: Partial<StreamEvent> = {}): StreamEvent {
  return {
    seq: 42,
    topic: 'incidents',
    type: 'report',
    subject: 'SJ20260601000042',
    streetCode: '110105001000',
    fromStatus: null,
    toStatus: 'reported',
    actor: 'resident',
    note: null,
    at: '2026-06-01T08:00:00.000Z',
    alert: false,
    payload: { status: 'reported', category: 'safety_hazard', severity: 'high' },
    ...overrides,
  };
}

describe('alertFromEvent', () => {
  it('raises an urgent alert for a high or critical report', () => {
    expect(alertFromEvent(event(), '建外街道')).toEqual({
      id: '42',
      code: 'SJ20260601000042',
      kind: 'new_urgent',
      severity: 'high',
      category: 'safety_hazard',
      place: '建外街道',
      at: Date.parse('2026-06-01T08:00:00Z'),
    });
  });

  it('raises an urgent alert for a report the server flags, and none for an ordinary one', () => {
    const low = { category: 'urgent_help', severity: 'low' };
    expect(alertFromEvent(event({ alert: true, payload: low }), '')?.kind).toBe('new_urgent');
    expect(alertFromEvent(event({ payload: { ...low, category: 'dispute' } }), '')).toBeNull();
  });

  it('maps missed deadlines, escalations and repeated alarms to their kinds', () => {
    const kinds = [
      'accept_overdue',
      'on_site_overdue',
      'resolve_overdue',
      'escalate',
      'alarm_repeat',
    ].map((type) => alertFromEvent(event({ type, alert: true }), '')?.kind);
    expect(kinds).toEqual(['overdue', 'overdue', 'overdue', 'escalated', 'alarm']);
  });

  it('ignores events the server does not flag, other types and non-incident topics', () => {
    expect(alertFromEvent(event({ type: 'escalate', alert: false }), '')).toBeNull();
    expect(alertFromEvent(event({ type: 'accept', alert: true }), '')).toBeNull();
    expect(
      alertFromEvent(event({ topic: 'members', type: 'position', alert: true }), ''),
    ).toBeNull();
  });

  it('raises nothing when the payload lacks a known severity or category', () => {
    expect(alertFromEvent(event({ alert: true, payload: { severity: 'high' } }), '')).toBeNull();
  });
});

describe('alertTone', () => {
  it('is red for missed deadlines and critical cases, amber otherwise', () => {
    expect(alertTone({ kind: 'overdue', severity: 'low' })).toBe('red');
    expect(alertTone({ kind: 'alarm', severity: 'critical' })).toBe('red');
    expect(alertTone({ kind: 'new_urgent', severity: 'high' })).toBe('amber');
  });
});
