import { describe, expect, it } from 'vitest';
import type { Overview } from '../../../../api/contract/stats';
import { formatPercent, overviewFigures } from '../../../../web/domain/key-figures';

describe('overviewFigures', () => {
  it('takes open, overdue, today and on-time rate from the overview', () => {
    const overview = {
      open: 120,
      openOverdue: 7,
      today: { reported: 31, closed: 18 },
      sla: { windowDays: 30, closed: 400, onTime: 389, compliance: 0.9725 },
    } as Overview;
    expect(overviewFigures(overview)).toEqual({
      open: 120,
      overdue: 7,
      todayReported: 31,
      todayClosed: 18,
      slaCompliance: 0.9725,
    });
  });

  it('has no figures while the overview loads', () => {
    expect(overviewFigures(undefined)).toEqual({});
  });
});

describe('formatPercent', () => {
  it('shows a share as a percent with one decimal, a dash when unknown', () => {
    expect(formatPercent(0.9725)).toBe('97.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
  });
});
