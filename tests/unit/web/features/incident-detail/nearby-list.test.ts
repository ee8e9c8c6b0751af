import { describe, expect, it } from 'vitest';
import {
  formatDistance,
  positionAge,
} from '../../../../../web/features/incident-detail/nearby-list';

describe('nearby list', () => {
  it('writes distances in metres, kilometres from 1 km', () => {
    expect(formatDistance(85.4)).toBe('85 m');
    expect(formatDistance(1_240)).toBe('1.2 km');
  });

  it('says how fresh a member position is', () => {
    const now = Date.parse('2025-03-01T01:00:00Z');
    expect(positionAge(now - 20_000, now)).toEqual({ zh: '刚刚', en: 'just now' });
    expect(positionAge(now - 7 * 60_000, now)).toEqual({ zh: '7分钟前', en: '7 min ago' });
    expect(positionAge(now - 3 * 3_600_000, now)).toEqual({ zh: '3小时前', en: '3 h ago' });
  });
});
