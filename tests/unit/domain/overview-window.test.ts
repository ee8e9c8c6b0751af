import { describe, expect, it } from 'vitest';
import { overviewWindow } from '../../../api/domain/overview-window';

const at = (iso: string) => overviewWindow(new Date(iso), 30);

describe('overviewWindow', () => {
  it('starts today at midnight in China (UTC+8), the day before in UTC', () => {
    expect(at('2026-06-01T08:30:00Z').dayStart.toISOString()).toBe('2026-05-31T16:00:00.000Z');
    expect(at('2026-05-31T16:00:00Z').dayStart.toISOString()).toBe('2026-05-31T16:00:00.000Z');
  });

  it('turns the day at 16:00 UTC, not at UTC midnight', () => {
    expect(at('2026-06-01T15:59:59.999Z').dayStart.toISOString()).toBe('2026-05-31T16:00:00.000Z');
    expect(at('2026-06-01T16:00:00Z').dayStart.toISOString()).toBe('2026-06-01T16:00:00.000Z');
    expect(at('2026-06-01T23:30:00Z').dayStart.toISOString()).toBe('2026-06-01T16:00:00.000Z');
  });

  it('ends the 24 hourly buckets with the one holding now', () => {
    expect(at('2026-06-01T08:30:00Z').firstHour.toISOString()).toBe('2026-05-31T09:00:00.000Z');
    expect(at('2026-06-01T08:00:00Z').firstHour.toISOString()).toBe('2026-05-31T09:00:00.000Z');
  });

  it('opens the SLA window the given number of days before now', () => {
    const window = at('2026-06-01T08:30:00Z');
    expect(window.since.toISOString()).toBe('2026-05-02T08:30:00.000Z');
    expect(window.windowDays).toBe(30);
  });
});
