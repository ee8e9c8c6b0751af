import { describe, expect, it } from 'vitest';
import { describeConnection, formatChinaTime } from '../../../../web/domain/connection';

const NOW = Date.parse('2026-06-01T08:00:00Z');

describe('describeConnection', () => {
  it('says live, connecting or reconnecting in both languages', () => {
    expect(describeConnection({ status: 'live', since: null }, NOW)).toEqual({
      zh: '实时',
      en: 'Live',
    });
    expect(describeConnection({ status: 'connecting', since: null }, NOW).en).toBe('Connecting…');
    expect(describeConnection({ status: 'reconnecting', since: NOW }, NOW)).toEqual({
      zh: '重连中…',
      en: 'Reconnecting…',
    });
  });

  it('tells since when stale data stands still, in China time', () => {
    const since = Date.parse('2026-06-01T07:58:09Z');
    expect(describeConnection({ status: 'stale', since }, NOW)).toEqual({
      zh: '数据停留于 15:58:09',
      en: 'Stale since 15:58:09',
    });
  });

  it('adds the date when the data stopped on an earlier day', () => {
    const since = Date.parse('2026-05-31T15:59:00Z');
    expect(describeConnection({ status: 'stale', since }, NOW).en).toBe(
      'Stale since 05-31 23:59:00',
    );
  });
});

describe('formatChinaTime', () => {
  it('shows the time of day eight hours ahead of UTC', () => {
    expect(formatChinaTime(Date.parse('2026-06-01T16:00:00Z'))).toBe('00:00:00');
    expect(formatChinaTime(Date.parse('2026-06-01T15:59:59.999Z'))).toBe('23:59:59');
  });
});
