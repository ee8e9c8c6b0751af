import { useEffect, useRef } from 'react';
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

/**
 * The walking-reach row of the wall's layer panel: a switch, and while on, the category whose
 * reach is drawn (buildings coloured by network walking distance to its nearest facility).
 */
export function WalkingReachRow(props: WalkingReachRowProps) {
  const { t } = useLang();
  const { reach, onChange } = props;
  const row = useRef<HTMLLIElement>(null);
  // The panel scrolls inside the wall's left column: bring the new legend into view.
  useEffect(() => {
    if (reach.on) row.current?.scrollIntoView?.({ block: 'nearest' });
  }, [reach.on]);
  return (
    <li ref={row} className="layer-panel__row" data-layer-row="walkingReach">
      <button
        type="button"
        role="switch"
        className="layer-panel__switch"
        aria-checked={reach.on}
        data-layer="walkingReach"
        onClick={() => onChange({ ...reach, on: !reach.on })}
      >
        <span className="layer-panel__track" aria-hidden="true" />
        <span className="layer-panel__name">{t(WALKING_REACH_LABEL)}</span>
      </button>
      {reach.on && <ReachLegend {...props} />}
    </li>
  );
}
