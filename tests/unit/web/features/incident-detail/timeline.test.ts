import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../../../api/contract/incident-records';
import {
  formatEventTime,
  sortTimeline,
} from '../../../../../web/features/incident-detail/timeline';

function event(seq: number, at: string, type = 'accept'): TimelineEvent {
  return {
    seq,
    incident: 'YP20250301000042',
    type,
    fromStatus: null,
    toStatus: null,
    actor: 'op',
    note: null,
    at,
  };
}

describe('timeline', () => {
  it('lists the newest event first, and the later of two at the same instant first', () => {
    const events = [
      event(1, '2025-03-01T00:00:00Z', 'report'),
      event(3, '2025-03-01T00:05:00Z', 'dispatch'),
      event(2, '2025-03-01T00:05:00Z', 'accept'),
    ];
    expect(sortTimeline(events).map((e) => e.seq)).toEqual([3, 2, 1]);
  });

  it('writes times in China time whatever the screen computer uses', () => {
    expect(formatEventTime(Date.parse('2025-03-01T00:05:00Z'))).toBe('03/01 08:05');
  });
});
