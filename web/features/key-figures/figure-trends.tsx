import type { Overview } from '../../../api/contract/stats';
import { formatCount } from '../../domain/format';
import { KEY_FIGURE_LABELS, type KeyFigureValues } from '../../domain/key-figures';
import type { LabelPair } from '../../domain/label-pair';
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
const FIGURES: readonly TrendFigure[] = ['open', 'todayReported', 'todayClosed'];
const TITLE: LabelPair = { zh: '事件态势', en: 'Incidents' };
const NOW: LabelPair = { zh: '当前', en: 'Now' };

/** One comparison cell: ▲ or ▼ with the difference, or a neutral mark; raw values for tests. */
function TrendCell({
  figure,
  baseline,
  now,
  baselines,
}: {
  figure: TrendFigure;
  baseline: TrendBaseline;
  now: number | undefined;
  baselines: Overview['baselines'] | undefined;
}) {
  const { t } = useLang();
  const base = baselineValue(baselines, figure, baseline);
  const trend = compareFigure(now, base, TREND_POLARITY[figure]);
  const meaning = `${t(TREND_MEANINGS[baseline])}: ${base ?? '—'}`;
  return (
    <td
      className={`key-figures__trend key-figures__trend--${trend.tone}`}
      data-trend={`${figure}:${baseline}`}
      data-difference={trend.difference ?? undefined}
      title={meaning}
      aria-label={`${t(TREND_LABELS[baseline])} ${formatTrend(trend)} (${meaning})`}
    >
      {formatTrend(trend)}
    </td>
  );
}

/**
 * 事件态势: open incidents, reported today and closed today, each with ▲/▼ and the difference
 * against yesterday (环比) and the same day last week (同比) at the same time of day, coloured
 * better or worse (fewer open, more closed; more reports is neither), a neutral mark when equal
 * or unknown. A table, so both comparisons keep their column at 1 rem in the narrow column.
 * Numbers carry `data-figure`/`data-value`, comparisons `data-trend`/`data-difference`.
 */
export function TrendTable({
  figures,
  baselines,
}: {
  figures: KeyFigureValues;
  baselines: Overview['baselines'] | undefined;
}) {
  const { t, lang } = useLang();
  return (
    <div className="key-figures__tile key-figures__tile--trends">
      <dt className="key-figures__label">
        {TITLE.zh}
        {lang === 'en' && <span className="key-figures__label-en">{TITLE.en}</span>}
      </dt>
      <dd className="key-figures__trend-table">
        <table>
          <thead>
            <tr>
              <td />
              <th scope="col">{t(NOW)}</th>
              {BASELINES.map((b) => (
                <th key={b} scope="col" title={t(TREND_MEANINGS[b])}>
                  {t(TREND_LABELS[b])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FIGURES.map((figure) => (
              <tr key={figure}>
                <th scope="row">{t(KEY_FIGURE_LABELS[figure])}</th>
                <td
                  className="key-figures__number"
                  data-figure={figure}
                  data-value={figures[figure]}
                >
                  {figures[figure] === undefined ? '—' : formatCount(figures[figure])}
                </td>
                {BASELINES.map((b) => (
                  <TrendCell
                    key={b}
                    figure={figure}
                    baseline={b}
                    now={figures[figure]}
                    baselines={baselines}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </dd>
    </div>
  );
}
