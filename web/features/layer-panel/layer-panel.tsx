import { useState } from 'react';
import type { GridMeasure } from '../../domain/grid-measures';
import type { LabelPair } from '../../domain/label-pair';
import { WALL_LAYER_KEYS, WALL_LAYER_LABELS, type WallLayerKey } from '../../domain/wall-layers';
import { BasemapSwitcher } from '../../map/basemap-switcher';
import { useLang } from '../../ui/lang';
import { GridQualityRow, type GridQualityRowProps } from './grid-quality-row';
import { LayerSwitch, LegendToggle, type LayerRowKey, rowClass } from './layer-switch';
import { LayerLegend } from './legend';
import { WalkingReachRow, type WalkingReachRowProps } from './walking-reach-row';
import './layer-panel.css';

const TITLE: LabelPair = { zh: '图层', en: 'Layers' };

/** The legend open at start: what the incident colours mean. */
const FIRST_OPEN: LayerRowKey = 'incidents';

/** Props of {@link LayerPanel}. */
export interface LayerPanelProps {
  visibility: Record<WallLayerKey, boolean>;
  onToggle: (key: WallLayerKey) => void;
  /** What the grid choropleth shows. */
  measure: GridMeasure;
  onMeasureChange: (measure: GridMeasure) => void;
  /** The largest grid value of the measure, the top of its legend ramp. */
  maxMeasure: number;
  /** The walking-reach layer: on or off, its category, and where its data stands. */
  reach: WalkingReachRowProps;
  /** The admins' grid-check layer; its row is shown only when given (to admins). */
  quality?: Omit<GridQualityRowProps, 'open' | 'onFold'>;
  /** The legend open at first (default: walking reach if on, else the incidents'). */
  initialLegend?: LayerRowKey;
}

/**
 * The map's layers as switches in two columns; one layer's legend is open at a time (the
 * incidents' at start, then the layer last switched on or unfolded), the grid legend carrying
 * the choropleth's measure selector; last, the walking reach of a chosen category. Short
 * enough to fit the wall at every size without scrolling.
 */
export function LayerPanel(props: LayerPanelProps) {
  const { t } = useLang();
  const { visibility, measure, onMeasureChange, maxMeasure } = props;
  const [open, setOpen] = useState<LayerRowKey | null>(
    props.initialLegend ?? (props.reach.reach.on ? 'walkingReach' : FIRST_OPEN),
  );
  const fold = (key: LayerRowKey) => setOpen(open === key ? null : key);
  const toggle = (key: WallLayerKey) => {
    if (!visibility[key]) setOpen(key);
    props.onToggle(key);
  };
  return (
    <section className="layer-panel" aria-label={t(TITLE)}>
      <h2 className="layer-panel__title">{t(TITLE)}</h2>
      <ul className="layer-panel__list">
        {WALL_LAYER_KEYS.map((key) => {
          const shown = visibility[key] && open === key;
          return (
            <li key={key} className={rowClass(shown)} data-layer-row={key}>
              <LayerSwitch
                on={visibility[key]}
                label={t(WALL_LAYER_LABELS[key])}
                layer={key}
                onToggle={() => toggle(key)}
              />
              {visibility[key] && (
                <LegendToggle
                  open={shown}
                  layer={key}
                  label={t(WALL_LAYER_LABELS[key])}
                  onClick={() => fold(key)}
                />
              )}
              {shown && (
                <LayerLegend
                  layer={key}
                  measure={measure}
                  onMeasureChange={onMeasureChange}
                  maxMeasure={maxMeasure}
                />
              )}
            </li>
          );
        })}
        <WalkingReachRow
          {...props.reach}
          open={open === 'walkingReach'}
          onFold={() => fold('walkingReach')}
          onShow={() => setOpen('walkingReach')}
        />
        {props.quality && (
          <GridQualityRow
            {...props.quality}
            open={open === 'gridQuality'}
            onFold={() => fold('gridQuality')}
            onToggle={() => {
              if (!props.quality?.on) setOpen('gridQuality');
              props.quality?.onToggle();
            }}
          />
        )}
      </ul>
      <BasemapSwitcher />
    </section>
  );
}
