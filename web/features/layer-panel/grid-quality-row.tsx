import {
  GRID_QUALITY_COLOURS,
  GRID_QUALITY_KIND_LABELS,
  GRID_QUALITY_KINDS,
  GRID_QUALITY_LABEL,
  type GridQualityKind,
} from '../../domain/grid-quality';
import type { LabelPair } from '../../domain/label-pair';
import { rgbaCss } from '../../domain/map-colours';
import { useLang } from '../../ui/lang';
import { LayerSwitch, LegendToggle, rowClass } from './layer-switch';
import type { WalkingReachStatus } from './walking-reach-row';

/** Props of {@link GridQualityRow}: the layer's switch, its data's state and legend fold. */
export interface GridQualityRowProps {
  on: boolean;
  status: WalkingReachStatus;
  /** How many gaps and overlaps the check found (once it answered). */
  counts: Record<GridQualityKind, number> | null;
  onToggle: () => void;
  open: boolean;
  onFold: () => void;
}

const STATUS_TEXT: Partial<Record<WalkingReachStatus, LabelPair>> = {
  loading: { zh: '检查中…', en: 'Checking…' },
  forbidden: { zh: '仅管理员可查看', en: 'Admins only' },
  error: { zh: '网格质检暂不可用', en: 'Grid check unavailable' },
};

const CLEAN: LabelPair = { zh: '全覆盖、无缝隙、不重叠', en: 'Full cover, no gaps, no overlaps' };

/** The legend: the two warning colours with the number of each problem found. */
function QualityLegend({ status, counts }: Pick<GridQualityRowProps, 'status' | 'counts'>) {
  const { t } = useLang();
  const note = STATUS_TEXT[status] ?? (counts && !counts.gap && !counts.overlap ? CLEAN : null);
  return (
    <div className="legend" data-quality-status={status}>
      {note && <p className="legend__note">{t(note)}</p>}
      <ul className="legend__items">
        {GRID_QUALITY_KINDS.map((kind) => (
          <li key={kind} className="legend__item" data-quality-kind={kind}>
            <span
              className="legend__swatch"
              style={{ backgroundColor: rgbaCss(GRID_QUALITY_COLOURS[kind]) }}
            />
            <span className="legend__label">
              {t(GRID_QUALITY_KIND_LABELS[kind])}
              {counts ? ` · ${counts[kind]}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The admins' grid-check row of the wall's layer panel (网格质检): a switch, and while on and
 * unfolded, the legend of gaps and overlaps with how many of each the topology check found.
 */
export function GridQualityRow(props: GridQualityRowProps) {
  const { t } = useLang();
  const shown = props.on && props.open;
  return (
    <li className={rowClass(shown)} data-layer-row="gridQuality">
      <LayerSwitch
        on={props.on}
        label={t(GRID_QUALITY_LABEL)}
        layer="gridQuality"
        onToggle={props.onToggle}
      />
      {props.on && (
        <LegendToggle
          open={shown}
          layer="gridQuality"
          label={t(GRID_QUALITY_LABEL)}
          onClick={props.onFold}
        />
      )}
      {shown && <QualityLegend status={props.status} counts={props.counts} />}
    </li>
  );
}
