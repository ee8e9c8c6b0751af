import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import { LAYER_IDS } from '../../../api/contract/style-layer-ids';
import type { Rgba } from '../../domain/map-colours';
import { demandColour, shareColour } from '../../domain/walking-distance';
import type { GridArea } from '../../domain/wall-data';
import { toGridFeatures } from './grid-layer';

/** Stable id of the planner's grid choropleth. */
export const COVERAGE_GRID_LAYER_ID = 'deck-coverage-grids';

/** Beneath the roads, so streets stay legible over the colours. */
const BEFORE = { beforeId: LAYER_IDS.roadsCasing.alley };
const OUTLINE: Rgba = [90, 110, 140, 120];
const NONE: Rgba = [0, 0, 0, 0];

/** What the planner's grids are coloured by. */
export type GridColouring = 'coverage' | 'demands';

/** View state of the grid choropleth. */
export interface CoverageGridState {
  visible: boolean;
  colouring: GridColouring;
  /** The largest demand count of a grid, the top of the demand ramp. */
  maxDemands: number;
}

/**
 * Grids coloured by the share of their residents within reach (red few → green all), or by
 * residents' demands (民生诉求, deeper purple for more). `values` holds the share or the count
 * per grid code; grids without a value are left clear.
 */
export function buildCoverageGridLayer(
  grids: readonly GridArea[],
  values: ReadonlyMap<string, number>,
  state: CoverageGridState,
): Layer {
  const colour = (code: string): Rgba => {
    const value = values.get(code);
    if (value === undefined) return NONE;
    return state.colouring === 'coverage'
      ? shareColour(value)
      : demandColour(value, state.maxDemands);
  };
  return new GeoJsonLayer<GridArea>({
    id: COVERAGE_GRID_LAYER_ID,
    data: toGridFeatures(grids),
    visible: state.visible,
    ...BEFORE,
    filled: true,
    stroked: true,
    getFillColor: (feature) => colour(feature.properties.code),
    getLineColor: OUTLINE,
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
    updateTriggers: { getFillColor: [values, state.colouring, state.maxDemands] },
  });
}
