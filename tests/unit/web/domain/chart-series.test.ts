import { describe, expect, it } from 'vitest';
import {
  categorySeries,
  closureRate,
  hourlySeries,
  niceCeil,
  streetSeries,
} from '../../../../web/domain/chart-series';
import { HOUR, incident, MINUTE, NOW } from './incident-fixture';

describe('hourlySeries', () => {
  it('has 24 whole hours, oldest first, the last holding now', () => {
    const series = hourlySeries([], NOW + 30 * MINUTE);
    expect(series).toHaveLength(24);
    expect(series.at(-1)?.hour).toBe(NOW);
    expect(series[0]?.hour).toBe(NOW - 23 * HOUR);
  });

  it('counts reports by the hour they came in and closings by the hour they closed', () => {
    const series = hourlySeries(
      [
        incident({ reportedAt: NOW + 5 * MINUTE }),
        incident({ reportedAt: NOW - 2 * HOUR + MINUTE, status: 'closed', closedAt: NOW + MINUTE }),
      ],
      NOW + 10 * MINUTE,
    );
    expect(series.at(-1)).toEqual({ hour: NOW, reported: 1, closed: 1 });
    expect(series.at(-3)).toEqual({ hour: NOW - 2 * HOUR, reported: 1, closed: 0 });
  });

  it('leaves out what happened before the 24 hours and rejections as closings', () => {
    const series = hourlySeries(
      [incident({ reportedAt: NOW - 24 * HOUR }), incident({ status: 'rejected', closedAt: NOW })],
      NOW,
    );
    expect(series.reduce((n, h) => n + h.reported, 0)).toBe(1);
    expect(series.reduce((n, h) => n + h.closed, 0)).toBe(0);
  });
});

describe('categorySeries', () => {
  it('counts per category, most first, leaving out empty ones', () => {
    const series = categorySeries([
      incident({ category: 'dispute' }),
      incident({ category: 'livelihood' }),
      incident({ category: 'livelihood' }),
    ]);
    expect(series).toEqual([
      { category: 'livelihood', count: 2 },
      { category: 'dispute', count: 1 },
    ]);
  });
});

describe('streetSeries', () => {
  it('counts totals and open incidents per street, most first, named where it can', () => {
    const names = new Map([['110105001000', '建外街道']]);
    const series = streetSeries(
      [
        incident({ streetCode: '110105002000' }),
        incident({ streetCode: '110105001000', status: 'closed' }),
        incident({ streetCode: '110105001000' }),
      ],
      names,
    );
    expect(series).toEqual([
      { code: '110105001000', name: '建外街道', total: 2, open: 1 },
      { code: '110105002000', name: '110105002000', total: 1, open: 1 },
    ]);
  });
});

describe('closureRate', () => {
  it('is the share whose status is closed', () => {
    const rate = closureRate([
      incident({ status: 'closed' }),
      incident({ status: 'rejected' }),
      incident({ status: 'in_progress' }),
      incident({ status: 'closed' }),
    ]);
    expect(rate).toEqual({ closed: 2, total: 4, rate: 0.5 });
  });

  it('has no rate without incidents', () => {
    expect(closureRate([])).toEqual({ closed: 0, total: 0, rate: null });
  });
});

describe('niceCeil', () => {
  it('rounds an axis maximum up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 10, 11, 180, 501].map(niceCeil)).toEqual([1, 1, 5, 10, 10, 20, 200, 1000]);
  });
});
