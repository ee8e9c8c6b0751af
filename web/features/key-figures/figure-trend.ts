import type { Overview } from '../../../api/contract/stats';
import type { LabelPair } from '../../domain/label-pair';

/** The key figures compared with earlier days. */
export type TrendFigure = 'open' | 'todayReported' | 'todayClosed';

/** The earlier days: yesterday (环比) and the same weekday last week (同比). */
export type TrendBaseline = 'yesterday' | 'lastWeek';

/** Which way is good: fewer open incidents, more closed; more reports is neither. */
export const TREND_POLARITY: Record<TrendFigure, 'lower' | 'higher' | 'neither'> = {
  open: 'lower',
  todayReported: 'neither',
  todayClosed: 'higher',
};

/** The short label of each comparison, as dashboards write them (day on day, week on week). */
export const TREND_LABELS: Record<TrendBaseline, LabelPair> = {
  yesterday: { zh: '环比', en: 'DoD' },
  lastWeek: { zh: '同比', en: 'WoW' },
};

/** What each comparison means in full (the tile's tooltip and accessible name). */
export const TREND_MEANINGS: Record<TrendBaseline, LabelPair> = {
  yesterday: { zh: '较昨日同一时刻', en: 'against yesterday at this time' },
  lastWeek: { zh: '较上周同日同一时刻', en: 'against the same day last week at this time' },
};

/** One comparison: today's figure minus the earlier day's, and whether that is good. */
export interface Trend {
  /** Today minus the baseline; null when either is unknown. */
  difference: number | null;
  /** The arrow: up, down, or a neutral mark for equal or unknown. */
  mark: '▲' | '▼' | '＝' | '—';
  tone: 'better' | 'worse' | 'neutral';
}

/** Compares `now` with `base` for a figure whose good direction is `polarity`. */
export function compareFigure(
  now: number | undefined,
  base: number | undefined,
  polarity: 'lower' | 'higher' | 'neither',
): Trend {
  if (now === undefined || base === undefined) {
    return { difference: null, mark: '—', tone: 'neutral' };
  }
  const difference = now - base;
  if (difference === 0) return { difference, mark: '＝', tone: 'neutral' };
  const mark = difference > 0 ? '▲' : '▼';
  if (polarity === 'neither') return { difference, mark, tone: 'neutral' };
  const better = difference < 0 === (polarity === 'lower');
  return { difference, mark, tone: better ? 'better' : 'worse' };
}

/** The earlier days' value of a figure from the overview's baselines. */
export function baselineValue(
  baselines: Overview['baselines'] | undefined,
  figure: TrendFigure,
  baseline: TrendBaseline,
): number | undefined {
  const day = baselines?.[baseline];
  if (!day) return undefined;
  if (figure === 'open') return day.open;
  return figure === 'todayReported' ? day.reported : day.closed;
}

/** The mark and the size of the difference (`▲3`, `▼12`, `＝`, `—`). */
export function formatTrend(trend: Trend): string {
  if (trend.difference === null || trend.difference === 0) return trend.mark;
  return `${trend.mark}${Math.abs(trend.difference)}`;
}
