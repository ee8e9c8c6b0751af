import { describe, expect, it } from 'vitest';
import { formatCountdown, slaCountdown } from '../../../../web/domain/sla-countdown';
import { HOUR, incident, MINUTE, NOW } from './incident-fixture';

describe('slaCountdown', () => {
  it('counts down to the accept deadline while the incident waits to be accepted', () => {
    expect(slaCountdown(incident(), NOW)).toEqual({ clock: 'accept', msLeft: HOUR, urgency: 'ok' });
  });

  it('counts down to the resolve deadline once accepted', () => {
    const countdown = slaCountdown(incident({ status: 'in_progress' }), NOW);
    expect(countdown).toEqual({ clock: 'resolve', msLeft: 71 * HOUR, urgency: 'ok' });
  });

  it('turns soon when under a quarter of the span is left', () => {
    const reportedAt = NOW - 60 * HOUR;
    const late = incident({
      status: 'dispatched',
      reportedAt,
      resolveDeadline: reportedAt + 72 * HOUR,
    });
    expect(slaCountdown(late, NOW)).toMatchObject({ msLeft: 12 * HOUR, urgency: 'soon' });
  });

  it('turns soon under 30 minutes even when that is most of a short span', () => {
    const urgent = incident({ reportedAt: NOW, acceptDeadline: NOW + MINUTE });
    expect(slaCountdown(urgent, NOW).urgency).toBe('soon');
  });

  it('is overdue, with a negative time left, once the deadline has passed', () => {
    const late = incident({ reportedAt: NOW - 3 * HOUR });
    expect(slaCountdown(late, NOW)).toEqual({ clock: 'accept', msLeft: -HOUR, urgency: 'overdue' });
  });

  it('is overdue while a deadline already missed is on record, even with time left', () => {
    const missed = incident({ status: 'accepted', overdue: true });
    expect(slaCountdown(missed, NOW)).toMatchObject({ clock: 'resolve', urgency: 'overdue' });
  });

  it('stops counting once the incident is finished', () => {
    for (const status of ['closed', 'rejected', 'merged'] as const) {
      const done = incident({ status, overdue: true, closedAt: NOW });
      expect(slaCountdown(done, NOW)).toEqual({ clock: null, msLeft: null, urgency: 'done' });
    }
  });

  it('stops the resolve clock once resolved, still showing a deadline that was missed', () => {
    expect(slaCountdown(incident({ status: 'resolved' }), NOW)).toEqual({
      clock: null,
      msLeft: null,
      urgency: 'done',
    });
    expect(slaCountdown(incident({ status: 'verified', overdue: true }), NOW).urgency).toBe(
      'overdue',
    );
  });
});

describe('formatCountdown', () => {
  it('shows minutes and seconds under an hour', () => {
    expect(formatCountdown(12 * MINUTE + 34_000)).toBe('12:34');
    expect(formatCountdown(5_999)).toBe('00:05');
    expect(formatCountdown(0)).toBe('00:00');
  });

  it('shows hours and minutes under a day, and days and hours beyond', () => {
    expect(formatCountdown(2 * HOUR + 5 * MINUTE + 59_000)).toBe('2时05分');
    expect(formatCountdown(3 * 24 * HOUR + 4 * HOUR + 30 * MINUTE)).toBe('3天04时');
  });

  it('prefixes overdue time with a minus sign', () => {
    expect(formatCountdown(-(12 * MINUTE + 34_000))).toBe('-12:34');
    expect(formatCountdown(-(HOUR + MINUTE))).toBe('-1时01分');
  });

  it('shows a dash when there is no countdown', () => {
    expect(formatCountdown(null)).toBe('—');
  });
});
