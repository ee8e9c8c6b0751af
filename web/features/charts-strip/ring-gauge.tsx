import type { ClosureRate } from '../../domain/chart-series';
import { formatCount } from '../../domain/format';
import { formatPercent } from '../../domain/key-figures';
import type { LabelPair } from '../../domain/label-pair';
import { useLang } from '../../ui/lang';

const RADIUS = 40;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

const CLOSED: LabelPair = { zh: '已办结', en: 'Closed' };
const TOTAL: LabelPair = { zh: '事件总数', en: 'Incidents' };

/** A ring filled to the closure rate, the percent in its middle, and closed / total beside it. */
export function RingGauge({ rate }: { rate: ClosureRate }) {
  const { t } = useLang();
  const filled = (rate.rate ?? 0) * CIRCUMFERENCE;
  return (
    <div className="ring-gauge">
      <svg
        className="ring-gauge__svg"
        viewBox="0 0 100 100"
        role="img"
        aria-label={formatPercent(rate.rate)}
      >
        <circle className="ring-gauge__track" cx={50} cy={50} r={RADIUS} />
        {filled > 0 && (
          <circle
            className="ring-gauge__fill"
            cx={50}
            cy={50}
            r={RADIUS}
            strokeDasharray={`${filled} ${CIRCUMFERENCE}`}
            transform="rotate(-90 50 50)"
          />
        )}
        <text
          className="ring-gauge__percent"
          fontSize={16}
          x={50}
          y={50}
          textAnchor="middle"
          dominantBaseline="central"
        >
          {formatPercent(rate.rate)}
        </text>
      </svg>
      <dl className="ring-gauge__counts">
        <dt>{t(CLOSED)}</dt>
        <dd data-value={rate.closed}>{formatCount(rate.closed)}</dd>
        <dt>{t(TOTAL)}</dt>
        <dd data-value={rate.total}>{formatCount(rate.total)}</dd>
      </dl>
    </div>
  );
}
