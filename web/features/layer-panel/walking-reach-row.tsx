import { SERVICE_CATEGORIES, type ServiceCategory } from '../../../api/contract/codes';
import { categoryDistanceM } from '../../../api/contract/life-circle';
import type { LabelPair } from '../../domain/label-pair';
import { SERVICE_CATEGORY_LABELS } from '../../domain/labels';
import { levelMark } from '../../domain/life-circle-labels';
import { rgbaCss } from '../../domain/map-colours';
import {
  DISTANCE_CLASS_COLOURS,
  DISTANCE_CLASS_LABELS,
  DISTANCE_CLASSES,
} from '../../domain/walking-distance';
import { WALKING_REACH_LABEL, type WalkingReach } from '../../domain/wall-layers';
import { useLang } from '../../ui/lang';
import { LayerSwitch, LegendToggle, rowClass } from './layer-switch';

/** Where the reach layer's data stands. */
export type WalkingReachStatus = 'idle' | 'loading' | 'ready' | 'forbidden' | 'error';

/** Props of {@link WalkingReachRow}. */
export interface WalkingReachRowProps {
  reach: WalkingReach;
  status: WalkingReachStatus;
  onChange: (reach: WalkingReach) => void;
}

const STATUS_TEXT: Partial<Record<WalkingReachStatus, LabelPair>> = {
  loading: { zh: '计算中…', en: 'Computing…' },
  forbidden: { zh: '无权限查看步行可达分析', en: 'Not permitted to see the walking analysis' },
  error: { zh: '步行可达分析暂不可用', en: 'Walking analysis unavailable' },
};

const isCategory = (value: string): value is ServiceCategory =>
  (SERVICE_CATEGORIES as readonly string[]).includes(value);

/** The category chooser and the distance classes' colours. */
function ReachLegend({ reach, status, onChange }: WalkingReachRowProps) {
  const { t } = useLang();
  const note = STATUS_TEXT[status];
  return (
    <div className="legend" data-reach-status={status}>
      <select
        className="legend__select"
        data-control="reach-category"
        aria-label="设施类别 Category"
        value={reach.category}
        onChange={(e) =>
          isCategory(e.target.value) && onChange({ ...reach, category: e.target.value })
        }
      >
        {SERVICE_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {levelMark(c)} {t(SERVICE_CATEGORY_LABELS[c])} · {categoryDistanceM(c)} m
          </option>
        ))}
      </select>
      {note && <p className="legend__note">{t(note)}</p>}
      <ul className="legend__items legend__items--reach">
        {DISTANCE_CLASSES.map((c) => (
          <li key={c} className="legend__item">
            <span
              className="legend__swatch"
              style={{ backgroundColor: rgbaCss(DISTANCE_CLASS_COLOURS[c]) }}
            />
            <span className="legend__label">{t(DISTANCE_CLASS_LABELS[c])}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Props of {@link WalkingReachRow}: its data, and whether its legend is the open one. */
export interface WalkingReachRowOwnProps extends WalkingReachRowProps {
  open: boolean;
  onFold: () => void;
  /** Opens this legend (switching the layer on shows its category chooser at once). */
  onShow: () => void;
}

/**
 * The walking-reach row of the wall's layer panel: a switch, and while on and unfolded, the
 * category whose reach is drawn (buildings coloured by network walking distance to its
 * nearest facility).
 */
export function WalkingReachRow(props: WalkingReachRowOwnProps) {
  const { t } = useLang();
  const { reach, onChange } = props;
  const shown = reach.on && props.open;
  return (
    <li className={rowClass(shown)} data-layer-row="walkingReach">
      <LayerSwitch
        on={reach.on}
        label={t(WALKING_REACH_LABEL)}
        layer="walkingReach"
        onToggle={() => {
          if (!reach.on) props.onShow();
          onChange({ ...reach, on: !reach.on });
        }}
      />
      {reach.on && (
        <LegendToggle
          open={shown}
          layer="walkingReach"
          label={t(WALKING_REACH_LABEL)}
          onClick={props.onFold}
        />
      )}
      {shown && <ReachLegend {...props} />}
    </li>
  );
}
