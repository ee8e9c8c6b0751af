import { describe, expect, it } from 'vitest';
import { describeChinaDate } from '../../../../../web/features/title-bar/china-date';

describe('describeChinaDate', () => {
  it('gives the date and weekday in China, already the next day from 16:00 UTC', () => {
    expect(describeChinaDate(Date.parse('2026-05-31T16:00:00Z'))).toEqual({
      zh: '2026年6月1日 星期一',
      en: 'Mon 1 Jun 2026',
    });
    expect(describeChinaDate(Date.parse('2026-05-31T15:59:59Z')).zh).toBe('2026年5月31日 星期日');
  });
});
