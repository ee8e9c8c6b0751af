import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, filterIncidents, windowStart } from '../../../../web/domain/wall-filter';
import { HOUR, incident, NOW } from './incident-fixture';

describe('windowStart', () => {
  it('starts "today" at midnight China time (UTC+8)', () => {
    // NOW is 16:00 in China on 1 June: midnight there was 16:00 UTC on 31 May.
    expect(new Date(windowStart('today', NOW)).toISOString()).toBe('2026-05-31T16:00:00.000Z');
  });

  it('counts the other windows back from now', () => {
    expect(windowStart('24h', NOW)).toBe(NOW - 24 * HOUR);
    expect(windowStart('7d', NOW)).toBe(NOW - 7 * 24 * HOUR);
  });
});

describe('filterIncidents', () => {
  const list = [
    incident({ code: 'A', reportedAt: NOW - 2 * HOUR }),
    incident({ code: 'B', category: 'dispute', communityCode: '110105001002' }),
    incident({ code: 'C', status: 'closed' }),
    incident({ code: 'D', overdue: true }),
    incident({ code: 'E', reportedAt: NOW - 30 * HOUR }),
  ];
  const codes = (filter: Partial<typeof DEFAULT_FILTER>) =>
    filterIncidents(list, { ...DEFAULT_FILTER, ...filter }, NOW).map((i) => i.code);

  it('keeps the window, the area (street or community), the categories and the status', () => {
    expect(codes({ window: '24h' })).toEqual(['A', 'B', 'C', 'D']);
    expect(codes({ areaCode: '110105001002' })).toEqual(['B']);
    expect(codes({ areaCode: '110105001000' })).toHaveLength(5);
    expect(codes({ categories: ['dispute'] })).toEqual(['B']);
    expect(codes({ status: 'open' })).toEqual(['A', 'B', 'D', 'E']);
    expect(codes({ status: 'overdue' })).toEqual(['D']);
    expect(codes({ status: 'closed' })).toEqual(['C']);
  });
});
