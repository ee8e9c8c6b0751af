import type { LabelPair } from '../../domain/label-pair';
import type { WallLayerKey } from '../../domain/wall-layers';
import { useLang } from '../../ui/lang';

const LEGEND: LabelPair = { zh: '图例', en: 'Legend' };

/** A row of the layer panel: a map layer, the walking reach or the admins' grid check. */
export type LayerRowKey = WallLayerKey | 'walkingReach' | 'gridQuality';

/** An on/off switch; its text is its accessible name. */
export function LayerSwitch(props: {
  on: boolean;
  label: string;
  layer: LayerRowKey;
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

/** Opens or folds a layer's legend (one legend is open at a time, so the panel stays short). */
export function LegendToggle(props: {
  open: boolean;
  layer: LayerRowKey;
  /** The layer's name, for the button's accessible name. */
  label: string;
  onClick: () => void;
}) {
  const { t } = useLang();
  return (
    <button
      type="button"
      className="layer-panel__fold"
      aria-expanded={props.open}
      aria-label={`${t(LEGEND)} · ${props.label}`}
      data-legend-toggle={props.layer}
      onClick={props.onClick}
    >
      {props.open ? '▾' : '▸'}
    </button>
  );
}

/** The row class: an open legend spans the panel's width. */
export function rowClass(open: boolean): string {
  return `layer-panel__row${open ? ' layer-panel__row--open' : ''}`;
}
