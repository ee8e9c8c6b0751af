import type { Overview } from '../../../api/contract/stats';
import { useLang } from '../../ui/lang';
import {
  baselineValue,
  compareFigure,
  formatTrend,
  TREND_LABELS,
  TREND_MEANINGS,
  TREND_POLARITY,
  type TrendBaseline,
  type TrendFigure,
} from './figure-trend';

const BASELINES: readonly TrendBaseline[] = ['yesterday', 'lastWeek'];

/**
 * A figure against yesterday (环比) and last week (同比) at the same time of day: ▲ or ▼ with
 * the difference, coloured better or worse, or a neutral mark when equal or unknown. Each
 * carries `data-trend` (`figure:baseline`) and the raw `data-difference` for browser tests.
 */
export function FigureTrends({
  figure,
  now,
  baselines,
}: {
  figure: TrendFigure;
  now: number | undefined;
  baselines: Overview['baselines'] | undefined;
}) {
  const { t } = useLang();
  return (
    <span className="key-figures__trends">
      {BASELINES.map((baseline) => {
        const base = baselineValue(baselines, figure, baseline);
        const trend = compareFigure(now, base, TREND_POLARITY[figure]);
        const meaning = `${t(TREND_MEANINGS[baseline])}: ${base ?? '—'}`;
        return (
          <span
            key={baseline}
            className={`key-figures__trend key-figures__trend--${trend.tone}`}
            data-trend={`${figure}:${baseline}`}
            data-difference={trend.difference ?? undefined}
            title={meaning}
            aria-label={`${t(TREND_LABELS[baseline])} ${formatTrend(trend)} (${meaning})`}
          >
            <span className="key-figures__trend-label">{t(TREND_LABELS[baseline])}</span>
            {formatTrend(trend)}
          </span>
        );
      })}
    </span>
  );
}
