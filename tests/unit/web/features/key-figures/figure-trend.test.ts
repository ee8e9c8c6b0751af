import { describe, expect, it } from 'vitest';
import type { Overview } from '../../../../../api/contract/stats';
import {
  baselineValue,
  compareFigure,
  formatTrend,
} from '../../../../../web/features/key-figures/figure-trend';

describe('compareFigure', () => {
  it('calls more open incidents worse and fewer better', () => {
    expect(compareFigure(12, 9, 'lower')).toEqual({ difference: 3, mark: '▲', tone: 'worse' });
    expect(compareFigure(7, 9, 'lower')).toEqual({ difference: -2, mark: '▼', tone: 'better' });
  });

  it('calls more closed better and fewer worse', () => {
    expect(compareFigure(5, 1, 'higher').tone).toBe('better');
    expect(compareFigure(0, 1, 'higher').tone).toBe('worse');
  });

  it('colours nothing for reports, for equal figures and without a baseline', () => {
    expect(compareFigure(5, 1, 'neither')).toEqual({ difference: 4, mark: '▲', tone: 'neutral' });
    expect(compareFigure(3, 3, 'lower')).toEqual({ difference: 0, mark: '＝', tone: 'neutral' });
    expect(compareFigure(3, undefined, 'lower')).toEqual({
      difference: null,
      mark: '—',
      tone: 'neutral',
    });
  });
});

describe('formatTrend and baselineValue', () => {
  it('writes the mark with the size of the difference', () => {
    expect(formatTrend(compareFigure(12, 9, 'lower'))).toBe('▲3');
    expect(formatTrend(compareFigure(7, 9, 'lower'))).toBe('▼2');
    expect(formatTrend(compareFigure(9, 9, 'lower'))).toBe('＝');
  });

  it('reads each figure from its baseline', () => {
    const day = { at: '2026-06-01T00:00:00Z', reported: 4, closed: 2, open: 30 };
    const baselines: Overview['baselines'] = {
      yesterday: day,
      lastWeek: { ...day, open: 25 },
    };
    expect(baselineValue(baselines, 'open', 'lastWeek')).toBe(25);
    expect(baselineValue(baselines, 'todayReported', 'yesterday')).toBe(4);
    expect(baselineValue(baselines, 'todayClosed', 'yesterday')).toBe(2);
    expect(baselineValue(undefined, 'open', 'yesterday')).toBeUndefined();
  });
});
