import { formatCount } from '../../domain/format';

/** One bar: its whole value and, optionally, a part of it drawn over it from the left. */
export interface BarRow {
  key: string;
  label: string;
  value: number;
  part?: number;
}

/** Props of {@link BarChart}. */
export interface BarChartProps {
  rows: readonly BarRow[];
  /** Rows the chart has room for; the height is always this many, so bars keep their size. */
  slots: number;
  /** What the chart shows, for screen readers. */
  label: string;
}

/**
 * Horizontal bars with labels at the left and values at the right (`part/value` when a part is
 * drawn). Each bar is an SVG stretched to its cell, so the chart fills any card while the text
 * stays at its rem size.
 */
export function BarChart({ rows, slots, label }: BarChartProps) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const length = (value: number) => (value / max) * 100;
  return (
    <ol
      className="bar-chart"
      aria-label={label}
      style={{ gridTemplateRows: `repeat(${slots}, minmax(0, 1fr))` }}
    >
      {rows.slice(0, slots).map((row) => (
        <li key={row.key} className="bar-chart__row">
          <span className="bar-chart__label">{row.label}</span>
          <svg
            className="bar-chart__bar"
            viewBox="0 0 100 10"
            preserveAspectRatio="none"
            aria-hidden="true"
          >
            <rect className="charts-strip__fill--total" width={length(row.value)} height={10} />
            {row.part !== undefined && (
              <rect className="charts-strip__fill--part" width={length(row.part)} height={10} />
            )}
          </svg>
          <span className="bar-chart__value">
            {row.part === undefined
              ? formatCount(row.value)
              : `${formatCount(row.part)}/${formatCount(row.value)}`}
          </span>
        </li>
      ))}
    </ol>
  );
}
