import { describe, expect, it } from 'vitest';
import type { IncidentStatus } from '../../../../api/contract/codes';
import { createRandom } from '../../../../data/district/random';
import {
  MIN_DWELL_SECONDS,
  neglected,
  nextAction,
  type OpenIncident,
} from '../../../../data/simulator/workflow';

const now = new Date('2026-06-01T12:00:00Z');
const aMinuteAgo = new Date(now.getTime() - 60_000);
const codes = Array.from({ length: 2000 }, (_, n) => `YP20260601${String(n).padStart(6, '0')}`);
const handled = codes.filter((code) => !neglected(code));

function open(status: IncidentStatus, code = handled[0]!): OpenIncident {
  return { code, status, assigneeId: 'M1', updatedAt: aMinuteAgo };
}

describe('the simulated command center', () => {
  it('moves an incident one step along the closed loop', () => {
    const random = createRandom(1, 'test');
    expect(nextAction(open('accepted'), now, random)).toEqual({
      action: 'dispatch',
      assigneeId: 'M1',
    });
    expect(nextAction(open('dispatched'), now, random)).toMatchObject({ action: 'start' });
    expect(nextAction(open('in_progress'), now, random)).toMatchObject({ action: 'resolve' });
    expect(nextAction(open('verified'), now, random)).toEqual({ action: 'close' });
    expect(nextAction(open('closed'), now, random)).toBeNull();
  });

  it('dispatches without an assignee when nobody is known', () => {
    const incident = { ...open('accepted'), assigneeId: null };
    expect(nextAction(incident, now, createRandom(1, 'test'))).toEqual({ action: 'dispatch' });
  });

  it('mostly accepts, sometimes rejects, and sometimes sends a resolution back', () => {
    const random = createRandom(2, 'test');
    const intake = handled.map((code) => nextAction(open('reported', code), now, random)?.action);
    const rejected = intake.filter((a) => a === 'reject').length / intake.length;
    expect(rejected).toBeGreaterThan(0.01);
    expect(rejected).toBeLessThan(0.1);
    expect(intake.every((a) => a === 'accept' || a === 'reject')).toBe(true);
    const checks = handled.map((code) => nextAction(open('resolved', code), now, random));
    const reopened = checks.filter((a) => a?.action === 'reopen');
    expect(reopened.length).toBeGreaterThan(0);
    expect(reopened[0]).toMatchObject({ reason: expect.any(String) });
    expect(checks.filter((a) => a?.action === 'verify').length).toBeGreaterThan(reopened.length);
  });

  it('leaves an incident alone until it has stayed a while in its status', () => {
    const fresh = { ...open('reported'), updatedAt: new Date(now.getTime() - 1000) };
    expect(nextAction(fresh, now, createRandom(3, 'test'))).toBeNull();
    const due = { ...fresh, updatedAt: new Date(now.getTime() - MIN_DWELL_SECONDS * 1000) };
    expect(nextAction(due, now, createRandom(3, 'test'))).not.toBeNull();
  });

  it('neglects between one in ten and one in seven incidents, always the same ones', () => {
    const share = codes.filter(neglected).length / codes.length;
    expect(share).toBeGreaterThan(0.09);
    expect(share).toBeLessThan(0.15);
    const code = codes.find(neglected)!;
    for (const status of ['reported', 'accepted', 'in_progress'] as const) {
      expect(nextAction(open(status, code), now, createRandom(4, 'test'))).toBeNull();
    }
  });
});
