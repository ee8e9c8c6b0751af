import { formatCount } from './format';
import type { LabelPair } from './label-pair';
import type { Rgba } from './map-colours';
import { type GridArea, type IncidentPoint, isOpen } from './wall-data';

/** What the grid choropleth can show. */
export const GRID_MEASURES = ['open', 'overdue', 'population', 'sla'] as const;
export type GridMeasure = (typeof GRID_MEASURES)[number];

/** Names of the measures, for the selector and the legend. */
export const GRID_MEASURE_LABELS: Record<GridMeasure, LabelPair> = {
  open: { zh: '未办结事件', en: 'Open incidents' },
  overdue: { zh: '超时事件', en: 'Overdue' },
  population: { zh: '人口', en: 'Population' },
  sla: { zh: '按时办结率', en: 'SLA compliance' },
};

/**
 * The SLA ramp runs from this share (and below: all red) to 100 %: compliance under half is
 * equally bad, and the differences that matter lie between 50 % and 100 %.
 */
export const SLA_FLOOR = 0.5;

/** Count of incidents per grid code that pass `keep`, zero for grids with none. */
function countPerGrid(
  grids: readonly GridArea[],
  incidents: readonly IncidentPoint[],
  keep: (incident: IncidentPoint) => boolean,
): Map<string, number> {
  const counts = new Map(grids.map((grid) => [grid.code, 0]));
  for (const incident of incidents) {
    const count = counts.get(incident.gridCode);
    if (count !== undefined && keep(incident)) counts.set(incident.gridCode, count + 1);
  }
  return counts;
}

/** Share of each grid's closed incidents closed on time; null for grids with none closed. */
function slaPerGrid(
  grids: readonly GridArea[],
  incidents: readonly IncidentPoint[],
): Map<string, number | null> {
  const isClosed = (incident: IncidentPoint) => incident.status === 'closed';
  const closed = countPerGrid(grids, incidents, isClosed);
  const onTime = countPerGrid(grids, incidents, (i) => isClosed(i) && !i.overdue);
  const shares = new Map<string, number | null>();
  for (const [code, total] of closed) {
    shares.set(code, total === 0 ? null : (onTime.get(code) ?? 0) / total);
  }
  return shares;
}

/**
 * The value of `measure` for every grid, keyed by grid code: open incidents, open and
 * overdue incidents, residents, or the share (0–1) of closed incidents closed on time.
 * Incidents in grids not listed are ignored.
 */
export function computeGridMeasure(
  grids: readonly GridArea[],
  incidents: readonly IncidentPoint[],
  measure: GridMeasure,
): Map<string, number | null> {
  switch (measure) {
    case 'open':
      return countPerGrid(grids, incidents, isOpen);
    case 'overdue':
      return countPerGrid(grids, incidents, (i) => isOpen(i) && i.overdue);
    case 'population':
      return new Map(grids.map((grid) => [grid.code, grid.population]));
    case 'sla':
      return slaPerGrid(grids, incidents);
  }
}

/** The largest value among grids (at least 1), the top of a count ramp. */
export function maxMeasureValue(values: ReadonlyMap<string, number | null>): number {
  let max = 1;
  for (const value of values.values()) if (value !== null && value > max) max = value;
  return max;
}

type Rgb = [number, number, number];

/** Counts and population: dark blue (none) through amber to red (most). */
const COUNT_RAMP: Rgb[] = [
  [30, 58, 120],
  [231, 179, 65],
  [239, 50, 60],
];

/** SLA compliance: red (poor) through amber to green (all on time). */
const SLA_RAMP: Rgb[] = [
  [239, 50, 60],
  [231, 179, 65],
  [52, 211, 120],
];

/** Grids without a value (no closed incidents for SLA): a faint grey. */
export const NO_VALUE_COLOUR: Rgba = [100, 116, 139, 40];

/** Opacity of the choropleth: the basemap's roads and labels must show through. */
const FILL_ALPHA = 150;

function interpolate(ramp: Rgb[], t: number): Rgb {
  const position = Math.min(Math.max(t, 0), 1) * (ramp.length - 1);
  const i = Math.min(Math.floor(position), ramp.length - 2);
  const f = position - i;
  const from = ramp[i] ?? [0, 0, 0];
  const to = ramp[i + 1] ?? from;
  return [0, 1, 2].map((c) => Math.round(from[c]! + (to[c]! - from[c]!) * f)) as Rgb;
}

function rampColour(measure: GridMeasure, t: number): Rgb {
  return interpolate(measure === 'sla' ? SLA_RAMP : COUNT_RAMP, t);
}

/** The domain of a measure's ramp: `[0, max]` for counts, `[SLA_FLOOR, 1]` for SLA. */
export function measureDomain(measure: GridMeasure, max: number): [number, number] {
  return measure === 'sla' ? [SLA_FLOOR, 1] : [0, Math.max(max, 1)];
}

/** The fill colour of a grid with `value`, on a ramp topping out at `max` (ignored for SLA). */
export function measureColour(measure: GridMeasure, value: number | null, max: number): Rgba {
  if (value === null || !Number.isFinite(value)) return NO_VALUE_COLOUR;
  const [low, high] = measureDomain(measure, max);
  const [r, g, b] = rampColour(measure, (value - low) / (high - low));
  // Empty count grids stay quiet, so the grids that need attention stand out.
  const alpha = measure !== 'sla' && value <= 0 ? 60 : FILL_ALPHA;
  return [r, g, b, alpha];
}

/** One stop of a legend ramp. */
export interface LegendStop {
  value: number;
  colour: Rgba;
}

/** Five evenly spaced stops of the measure's ramp, low to high, for a legend. */
export function measureLegend(measure: GridMeasure, max: number): LegendStop[] {
  const [low, high] = measureDomain(measure, max);
  return [0, 0.25, 0.5, 0.75, 1].map((t) => {
    const [r, g, b] = rampColour(measure, t);
    return { value: low + (high - low) * t, colour: [r, g, b, FILL_ALPHA] };
  });
}

/** A measure's value as the legend and tooltips show it: a percentage for SLA, else a count. */
export function formatMeasureValue(measure: GridMeasure, value: number | null): string {
  if (value === null) return '—';
  if (measure === 'sla') return `${Math.round(value * 100)}%`;
  return formatCount(value);
}
