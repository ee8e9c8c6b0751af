import { useMemo } from 'react';
import type { HotGrid } from '../../../api/contract/stats';
import {
  type CategoryCount,
  categorySeries,
  closureRate,
  type HourCount,
  hourlySeries,
  type StreetCount,
  streetSeries,
} from '../../domain/chart-series';
import { CATEGORY_LABELS } from '../../domain/labels';
import type { LabelPair } from '../../domain/label-pair';
import type { IncidentPoint } from '../../domain/wall-data';
import { useLang } from '../../ui/lang';
import { DutyRosterCard } from '../duty-roster/duty-roster-card';
import { HotSpotsCard } from '../hot-spots/hot-spots-card';
import { BarChart } from './bar-chart';
import { ChartCard, LegendKey } from './chart-card';
import { HourChart } from './hour-chart';
import { RingGauge } from './ring-gauge';
import './charts-strip.css';

/** Bars per bar chart. */
const TOP_BARS = 6;

const TITLES: Record<'hourly' | 'category' | 'street' | 'closure', LabelPair> = {
  hourly: { zh: '近24小时', en: 'Last 24 hours' },
  category: { zh: '按类别', en: 'By category' },
  street: { zh: '按街道', en: 'By street' },
  closure: { zh: '办结率', en: 'Closure rate' },
};

const REPORTED: LabelPair = { zh: '上报', en: 'Reported' };
const CLOSED: LabelPair = { zh: '办结', en: 'Closed' };
const TOTAL: LabelPair = { zh: '总数', en: 'Total' };
const OPEN: LabelPair = { zh: '未办结', en: 'Open' };

/** Props of {@link ChartsStrip}. */
export interface ChartsStripProps {
  /** The incidents passing the wall filter. */
  incidents: readonly IncidentPoint[];
  /** Epoch milliseconds; the hourly chart ends with the hour holding it. */
  now: number;
  /** Street code → name. */
  streetNames: ReadonlyMap<string, string>;
  /** The wall's area (null: the whole scope), for the duty roster. */
  areaCode: string | null;
  /** The overview's hot grids for that area; undefined while it loads. */
  hotGrids: readonly HotGrid[] | undefined;
  /** A hot grid was clicked: fly there and select it. */
  onPickGrid: (code: string) => void;
}

const HOUR_MS = 3_600_000;

function HourlyCard({ series }: { series: readonly HourCount[] }) {
  const { t } = useLang();
  return (
    <ChartCard
      chart="hourly"
      total={series.reduce((n, h) => n + h.reported, 0)}
      title={TITLES.hourly}
      aside={
        <>
          <LegendKey swatch="reported" label={REPORTED} />
          <LegendKey swatch="closed" label={CLOSED} />
        </>
      }
    >
      <HourChart series={series} label={t(TITLES.hourly)} />
    </ChartCard>
  );
}

function CategoryCard({ series, total }: { series: readonly CategoryCount[]; total: number }) {
  const { t } = useLang();
  const rows = series.map((c) => ({
    key: c.category,
    label: t(CATEGORY_LABELS[c.category]),
    value: c.count,
  }));
  return (
    <ChartCard chart="category" total={total} title={TITLES.category}>
      <BarChart rows={rows} slots={TOP_BARS} label={t(TITLES.category)} />
    </ChartCard>
  );
}

function StreetCard({ series, total }: { series: readonly StreetCount[]; total: number }) {
  const { t } = useLang();
  const rows = series.map((s) => ({ key: s.code, label: s.name, value: s.total, part: s.open }));
  return (
    <ChartCard
      chart="street"
      total={total}
      title={TITLES.street}
      aside={
        <>
          <LegendKey swatch="total" label={TOTAL} />
          <LegendKey swatch="part" label={OPEN} />
        </>
      }
    >
      <BarChart rows={rows} slots={TOP_BARS} label={t(TITLES.street)} />
    </ChartCard>
  );
}

/**
 * The bottom strip: reports and closings per hour over the last 24 hours, incidents by category
 * and by street (top eight each), and the share closed, charting the filtered incidents (a
 * card's `data-total` is how many it counts: the hourly card those reported in its 24 hours,
 * the others all of them); then today's duty roster and the hot-spot grids of the wall's area
 * (`data-total`: members on duty; open incidents in the listed grids).
 */
export function ChartsStrip({
  incidents,
  now,
  streetNames,
  areaCode,
  hotGrids,
  onPickGrid,
}: ChartsStripProps) {
  // Keyed on the hour `now` lies in, so the series is recomputed once an hour, not every tick.
  const currentHour = now - (now % HOUR_MS);
  const hourly = useMemo(() => hourlySeries(incidents, currentHour), [incidents, currentHour]);
  const categories = useMemo(() => categorySeries(incidents), [incidents]);
  const streets = useMemo(() => streetSeries(incidents, streetNames), [incidents, streetNames]);
  const closure = useMemo(() => closureRate(incidents), [incidents]);
  return (
    <section className="charts-strip" aria-label="统计图表 Charts">
      <HourlyCard series={hourly} />
      <CategoryCard series={categories} total={incidents.length} />
      <StreetCard series={streets} total={incidents.length} />
      <ChartCard chart="closure" total={closure.total} title={TITLES.closure}>
        <RingGauge rate={closure} />
      </ChartCard>
      <DutyRosterCard areaCode={areaCode} />
      <HotSpotsCard grids={hotGrids} onPick={onPickGrid} />
    </section>
  );
}
