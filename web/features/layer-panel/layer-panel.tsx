import type { GridMeasure } from '../../domain/grid-measures';
import type { LabelPair } from '../../domain/label-pair';
import { WALL_LAYER_KEYS, WALL_LAYER_LABELS, type WallLayerKey } from '../../domain/wall-layers';
import { useLang } from '../../ui/lang';
import { LayerLegend } from './legend';
import { WalkingReachRow, type WalkingReachRowProps } from './walking-reach-row';
import './layer-panel.css';

const TITLE: LabelPair = { zh: '图层', en: 'Layers' };

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
}

/** An on/off switch; its text is its accessible name. */
function LayerSwitch(props: {
  on: boolean;
  label: string;
  layer: WallLayerKey;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      role="switch"
      className="layer-panel__switch"
      aria-checked={props.on}
      data-layer={props.layer}
      onClick={props.onToggle}
    >
      <span className="layer-panel__track" aria-hidden="true" />
      <span className="layer-panel__name">{props.label}</span>
    </button>
  );
}

/**
 * The map's layers, each with a switch and, while shown, its legend; the grid legend carries
 * the choropleth's measure selector; last, the walking reach of a chosen category.
 */
export function LayerPanel(props: LayerPanelProps) {
  const { t } = useLang();
  const { visibility, measure, onMeasureChange, maxMeasure } = props;
  return (
    <section className="layer-panel" aria-label={t(TITLE)}>
      <h2 className="layer-panel__title">{t(TITLE)}</h2>
      <ul className="layer-panel__list">
        {WALL_LAYER_KEYS.map((key) => (
          <li key={key} className="layer-panel__row" data-layer-row={key}>
            <LayerSwitch
              on={visibility[key]}
              label={t(WALL_LAYER_LABELS[key])}
              layer={key}
              onToggle={() => props.onToggle(key)}
            />
            {visibility[key] && (
              <LayerLegend
                layer={key}
                measure={measure}
                onMeasureChange={onMeasureChange}
                maxMeasure={maxMeasure}
              />
            )}
          </li>
        ))}
        <WalkingReachRow {...props.reach} />
      </ul>
    </section>
  );
}
