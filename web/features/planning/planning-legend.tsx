import type { ReactNode } from 'react';
import type { LabelPair } from '../../domain/label-pair';
import { type Rgba, rgbaCss } from '../../domain/map-colours';
import {
  DISTANCE_CLASS_COLOURS,
  DISTANCE_CLASS_LABELS,
  DISTANCE_CLASSES,
  demandColour,
  shareColour,
  UNCOVERED_HALO,
} from '../../domain/walking-distance';
import type { GridColouring } from '../../map/layers/coverage-grid-layer';
import { FACILITY_COLOURS } from '../../map/layers/facility-layer';
import { SUGGESTION_COLOURS } from '../../map/layers/suggestion-layer';
import { useLang } from '../../ui/lang';
import { PLANNING_TEXT } from './planning-text';
import type { PlanningLayers } from './use-planning-session';

function Swatch({ colour, label, ring }: { colour: Rgba; label: LabelPair; ring?: Rgba }) {
  const { t } = useLang();
  const style = ring
    ? { border: `2px solid ${rgbaCss(ring)}`, background: rgbaCss(colour) }
    : { background: rgbaCss(colour) };
  return (
    <li className="planning-legend__item">
      <span className="planning-legend__swatch" style={style} />
      {t(label)}
    </li>
  );
}

/** A layer's on/off checkbox with its legend beneath. */
function LayerGroup(props: {
  label: LabelPair;
  on: boolean;
  onToggle: () => void;
  layer: string;
  children: ReactNode;
}) {
  const { t } = useLang();
  return (
    <div className="planning-legend__group">
      <label className="planning-legend__toggle">
        <input
          type="checkbox"
          checked={props.on}
          data-layer={props.layer}
          onChange={props.onToggle}
        />
        {t(props.label)}
      </label>
      {props.on && <ul className="planning-legend__items">{props.children}</ul>}
    </div>
  );
}

function rampCss(colour: (t: number) => Rgba): string {
  return `linear-gradient(90deg, ${[0, 0.25, 0.5, 0.75, 1].map((t) => rgbaCss(colour(t))).join(', ')})`;
}

/** Props of {@link PlanningLegend}. */
export interface PlanningLegendProps {
  layers: PlanningLayers;
  onLayers: (layers: PlanningLayers) => void;
  colouring: GridColouring;
  onColouring: (colouring: GridColouring) => void;
  maxDemands: number;
}

/**
 * What the planner's map colours mean, with a switch per layer: buildings by walking distance
 * (red ring: out of reach), grids by coverage share or demands, facilities by what the
 * scenario does to them, reach rings and suggested sites.
 */
export function PlanningLegend({
  layers,
  onLayers,
  colouring,
  onColouring,
  maxDemands,
}: PlanningLegendProps) {
  const { t } = useLang();
  const toggle = (key: keyof PlanningLayers) => () => onLayers({ ...layers, [key]: !layers[key] });
  const ramp =
    colouring === 'coverage'
      ? rampCss(shareColour)
      : rampCss((v) => demandColour(Math.max(v, 0.05) * maxDemands, maxDemands));
  return (
    <details className="planning-legend" aria-label={t(PLANNING_TEXT.legend)} open>
      <summary className="planning-legend__summary">{t(PLANNING_TEXT.legend)}</summary>
      <LayerGroup
        label={PLANNING_TEXT.buildingsLayer}
        on={layers.buildings}
        onToggle={toggle('buildings')}
        layer="buildings"
      >
        {DISTANCE_CLASSES.map((c) => (
          <Swatch key={c} colour={DISTANCE_CLASS_COLOURS[c]} label={DISTANCE_CLASS_LABELS[c]} />
        ))}
        <Swatch
          colour={[255, 255, 255, 0]}
          ring={UNCOVERED_HALO}
          label={PLANNING_TEXT.uncoveredHalo}
        />
      </LayerGroup>
      <LayerGroup
        label={PLANNING_TEXT.gridLayer}
        on={layers.grids}
        onToggle={toggle('grids')}
        layer="grids"
      >
        <li className="planning-legend__choice" role="radiogroup">
          {(['coverage', 'demands'] as const).map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={c === colouring}
              className="planning__chip"
              data-colouring={c}
              onClick={() => onColouring(c)}
            >
              {t(c === 'coverage' ? PLANNING_TEXT.byCoverage : PLANNING_TEXT.byDemands)}
            </button>
          ))}
        </li>
        <li className="planning-legend__ramp" style={{ background: ramp }} />
        <li className="planning-legend__ramp-labels">
          <span>{colouring === 'coverage' ? '0%' : '0'}</span>
          <span>{colouring === 'coverage' ? '100%' : String(maxDemands)}</span>
        </li>
      </LayerGroup>
      <LayerGroup
        label={PLANNING_TEXT.facilities}
        on={layers.facilities}
        onToggle={toggle('facilities')}
        layer="facilities"
      >
        <Swatch colour={FACILITY_COLOURS.existing} label={PLANNING_TEXT.facilityExisting} />
        <Swatch colour={FACILITY_COLOURS.moved} label={PLANNING_TEXT.facilityMoved} />
        <Swatch colour={FACILITY_COLOURS.added} label={PLANNING_TEXT.facilityAdded} />
        <Swatch colour={[37, 99, 235, 90]} label={PLANNING_TEXT.reach} />
        <Swatch
          colour={SUGGESTION_COLOURS.fill}
          ring={SUGGESTION_COLOURS.ring}
          label={PLANNING_TEXT.suggestionMarker}
        />
      </LayerGroup>
    </details>
  );
}
