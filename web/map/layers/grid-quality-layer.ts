import { GeoJsonLayer } from '@deck.gl/layers';
import {
  GRID_QUALITY_COLOURS,
  type GridQualityFeature,
  type GridQualityKind,
} from '../../domain/grid-quality';
import type { Rgba } from '../../domain/map-colours';

/** Stable id of the admins' grid-check layer (gaps and overlaps between grids). */
export const GRID_QUALITY_LAYER_ID = 'deck-grid-quality';

/** View state of the grid-check layer. */
export interface GridQualityLayerState {
  visible: boolean;
  /** Screen size factor (1 at 1080p), for the outline width. */
  scale: number;
}

const fillOf = (kind: GridQualityKind): Rgba => {
  const [r, g, b] = GRID_QUALITY_COLOURS[kind];
  return [r, g, b, 150];
};

/**
 * Gaps and overlaps of the grid topology check, filled and outlined in warning colours over
 * the grids; drawn only for admins (the report is theirs alone).
 */
export function buildGridQualityLayer(
  features: readonly GridQualityFeature[],
  state: GridQualityLayerState,
): GeoJsonLayer<GridQualityFeature['properties']> {
  return new GeoJsonLayer<GridQualityFeature['properties']>({
    id: GRID_QUALITY_LAYER_ID,
    data: features as GridQualityFeature[],
    visible: state.visible,
    pickable: true,
    filled: true,
    stroked: true,
    getFillColor: (feature) => fillOf(feature.properties.kind),
    getLineColor: (feature) => GRID_QUALITY_COLOURS[feature.properties.kind],
    getLineWidth: 2 * state.scale,
    lineWidthUnits: 'pixels',
    lineWidthMinPixels: 2,
  });
}
