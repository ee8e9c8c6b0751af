import type { ReactNode } from 'react';
import type { LabelPair } from '../../domain/label-pair';
import { useLang } from '../../ui/lang';

/** Which chart a card holds; browser tests find cards by it. */
export type ChartKind = 'hourly' | 'category' | 'street' | 'closure' | 'duty' | 'hotSpots';

/** Props of {@link ChartCard}. */
export interface ChartCardProps {
  chart: ChartKind;
  /** How many incidents the chart counts, for `data-total`. */
  total: number;
  title: LabelPair;
  /** Legend or summary at the right of the title. */
  aside?: ReactNode;
  children: ReactNode;
}

/** One card of the strip: a title row above a chart that fills the rest. */
export function ChartCard({ chart, total, title, aside, children }: ChartCardProps) {
  const { t } = useLang();
  return (
    <figure className="charts-strip__card" data-chart={chart} data-total={total}>
      <figcaption className="charts-strip__caption">
        <span className="charts-strip__title">{t(title)}</span>
        {aside && <span className="charts-strip__aside">{aside}</span>}
      </figcaption>
      <div className="charts-strip__body">{children}</div>
    </figure>
  );
}

/** A legend entry: a swatch of the series' class and its label. */
export function LegendKey({ swatch, label }: { swatch: string; label: LabelPair }) {
  const { t } = useLang();
  return (
    <span className="charts-strip__key">
      <span className={`charts-strip__swatch charts-strip__swatch--${swatch}`} aria-hidden="true" />
      {t(label)}
    </span>
  );
}
