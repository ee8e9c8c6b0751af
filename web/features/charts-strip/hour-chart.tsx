import { chinaHour } from '../../../api/contract/china-time';
import { type HourCount, niceCeil } from '../../domain/chart-series';

const TICK_EVERY_HOURS = 6;
/** Plot units: 10 per hour across, 100 up; the SVG stretches to its cell. */
const SLOT = 10;
const TOP = 100;
const BAR = SLOT * 0.38;

const percent = (share: number) => `${share * 100}%`;

/** The axis labels: the scale at the left, China-time hours every six hours below. */
function AxisLabels({ max, series }: { max: number; series: readonly HourCount[] }) {
  return (
    <>
      <div className="hour-chart__y" aria-hidden="true">
        {[max, max / 2, 0].map((value, i) => (
          <span key={value} className="hour-chart__tick" style={{ top: percent(i / 2) }}>
            {value}
          </span>
        ))}
      </div>
      <div className="hour-chart__x" aria-hidden="true">
        {series.map((h, i) =>
          chinaHour(h.hour) % TICK_EVERY_HOURS === 0 ? (
            <span
              key={h.hour}
              className="hour-chart__tick"
              style={{ left: percent(i / series.length) }}
            >
              {`${String(chinaHour(h.hour)).padStart(2, '0')}:00`}
            </span>
          ) : null,
        )}
      </div>
    </>
  );
}

/**
 * Reported and closed incidents per hour as paired columns over the last 24 hours, with hour
 * labels every six hours in China time. The columns are an SVG stretched to the card; the
 * labels are text at rem size around it.
 */
export function HourChart({ series, label }: { series: readonly HourCount[]; label: string }) {
  const max = niceCeil(Math.max(0, ...series.flatMap((h) => [h.reported, h.closed])));
  const height = (value: number) => (value / max) * TOP;
  const width = series.length * SLOT;
  return (
    <div className="hour-chart">
      <AxisLabels max={max} series={series} />
      <svg
        className="hour-chart__plot"
        viewBox={`0 0 ${width} ${TOP}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
      >
        {[0, TOP / 2, TOP].map((y) => (
          <line key={y} className="hour-chart__grid" x1={0} x2={width} y1={y} y2={y} />
        ))}
        {series.map((h, i) => {
          const x = i * SLOT + SLOT * 0.1;
          return (
            <g key={h.hour}>
              <rect
                className="charts-strip__fill--reported"
                x={x}
                y={TOP - height(h.reported)}
                width={BAR}
                height={height(h.reported)}
              />
              <rect
                className="charts-strip__fill--closed"
                x={x + BAR}
                y={TOP - height(h.closed)}
                width={BAR}
                height={height(h.closed)}
              />
            </g>
          );
        })}
      </svg>
    </div>
  );
}
