import { describe, expect, it } from 'vitest';
import { overviewWindow } from '../../../api/domain/overview-window';
import { baselineWindows } from '../../../api/domain/stats-baselines';

describe('baselineWindows', () => {
  it('moves today-so-far back one day and seven, midnight and time of day in China', () => {
    // 01:30 UTC on 3 June is 09:30 in China; its local midnight was 16:00 UTC on 2 June.
    const { yesterday, lastWeek } = baselineWindows(
      overviewWindow(new Date('2026-06-03T01:30:00Z'), 30),
    );
    expect(yesterday.since.toISOString()).toBe('2026-06-01T16:00:00.000Z');
    expect(yesterday.at.toISOString()).toBe('2026-06-02T01:30:00.000Z');
    expect(lastWeek.since.toISOString()).toBe('2026-05-26T16:00:00.000Z');
    expect(lastWeek.at.toISOString()).toBe('2026-05-27T01:30:00.000Z');
  });
});
