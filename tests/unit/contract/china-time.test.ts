import { describe, expect, it } from 'vitest';
import {
  chinaClockTime,
  chinaDate,
  chinaDateKey,
  chinaDateParts,
  chinaDateTime,
  chinaDayNumber,
  chinaDayStart,
  chinaHour,
} from '../../../api/contract/china-time';

const at = (iso: string) => Date.parse(iso);

describe('China time (UTC+8, no daylight saving)', () => {
  it('starts the local day at 16:00 UTC the day before', () => {
    expect(new Date(chinaDayStart(at('2026-06-01T00:00:00Z'))).toISOString()).toBe(
      '2026-05-31T16:00:00.000Z',
    );
    expect(chinaDayStart(at('2026-05-31T16:00:00Z'))).toBe(at('2026-05-31T16:00:00Z'));
    expect(chinaDayStart(at('2026-05-31T15:59:59.999Z'))).toBe(at('2026-05-30T16:00:00Z'));
  });

  it('changes the date exactly at local midnight', () => {
    expect(chinaDate(at('2026-05-31T15:59:59.999Z'))).toBe('2026-05-31');
    expect(chinaDate(at('2026-05-31T16:00:00Z'))).toBe('2026-06-01');
    expect(chinaDateKey(at('2025-12-31T16:00:00Z'))).toBe('20260101');
    expect(chinaDateKey(new Date('2025-12-31T15:59:59Z'))).toBe('20251231');
  });

  it('numbers days so that two instants of one local day share a number', () => {
    const midnight = at('2026-05-31T16:00:00Z');
    expect(chinaDayNumber(midnight)).toBe(chinaDayNumber(midnight + 86_400_000 - 1));
    expect(chinaDayNumber(midnight - 1)).toBe(chinaDayNumber(midnight) - 1);
  });

  it('writes the wall-clock time and hour', () => {
    expect(chinaClockTime(at('2026-06-01T16:00:00Z'))).toBe('00:00:00');
    expect(chinaClockTime(at('2026-06-01T15:59:59.999Z'))).toBe('23:59:59');
    expect(chinaHour(at('2026-06-01T15:59:59Z'))).toBe(23);
    expect(chinaHour(at('2026-06-01T16:00:00Z'))).toBe(0);
    expect(chinaDateTime(new Date('2026-06-01T00:05:03Z'))).toBe('2026-06-01 08:05:03');
  });

  it('gives the local weekday and calendar parts, also across a leap day and a year end', () => {
    expect(chinaDateParts(at('2028-02-28T16:00:00Z'))).toMatchObject({
      year: 2028,
      month: 2,
      day: 29,
      weekday: 2,
    });
    expect(chinaDateParts(at('2026-12-31T16:30:00Z'))).toMatchObject({
      year: 2027,
      month: 1,
      day: 1,
      weekday: 5,
      hour: 0,
      minute: 30,
    });
  });

  it('handles instants before 1970 (day start never after the instant)', () => {
    const before = at('1969-12-31T15:00:00Z');
    expect(chinaDayStart(before)).toBeLessThanOrEqual(before);
    expect(chinaDate(before)).toBe('1969-12-31');
  });
});
