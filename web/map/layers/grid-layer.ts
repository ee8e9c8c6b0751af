import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature } from 'geojson';
import { LAYER_IDS, type StyleLayerId } from '../../../api/contract/style-layer-ids';
import { type GridMeasure, maxMeasureValue, measureColour } from '../../domain/grid-measures';
import type { Rgba } from '../../domain/map-colours';
import type { AreaGeometry, GridArea } from '../../domain/wall-data';

/** Stable ids of the grid layers. */
export const GRID_LAYER_ID = 'deck-grids';
export const GRID_SELECTED_LAYER_ID = 'deck-grid-selected';

/** Zoom from which grid outlines are drawn (codes: web/map/grid-code-labels.ts). */
export const GRID_OUTLINE_MIN_ZOOM = 13;

/**
 * Where the grid layers go in the dark style: the choropleth over buildings but under the
 * river and roads (so both read through it at district zoom), the selected outline over roads
 * and grid lines.
 */
const FILL_BEFORE = { beforeId: LAYER_IDS.water };
const SELECTED_BEFORE = { beforeId: LAYER_IDS.communityLine };

const OUTLINE_COLOUR: Rgba = [148, 176, 214, 110];
const SELECTED_COLOUR: Rgba = [255, 236, 153, 255];

/** View state of the grid layers. */
export interface GridLayerState {
  visible: boolean;
  measure: GridMeasure;
  zoom: number;
  /** The grid whose card is open, outlined bright at every zoom. */
  selectedCode: string | null;
  /**
   * Screen size factor: 1 at 1080p, `innerHeight / 1080` on a taller wall. Multiplies every
   * size in pixels, so points and lines keep pace with the rem-sized panels; metres stay.
   */
  scale: number;
  /** Style layer to draw the choropleth beneath, if not the dark style's roads. */
  beforeId?: StyleLayerId;
}

/** A grid as a GeoJSON feature; picking a grid gives one, its `properties` the GridArea. */
export type GridFeature = Feature<AreaGeometry, GridArea>;

const featureCache = new WeakMap<readonly GridArea[], GridFeature[]>();

/** The grids as features, made once per grid list so deck.gl sees unchanged data as such. */
export function toGridFeatures(grids: readonly GridArea[]): GridFeature[] {
  let features = featureCache.get(grids);
  if (!features) {
    features = grids.map((grid) => ({
      type: 'Feature',
      geometry: grid.geometry,
      properties: grid,
    }));
    featureCache.set(grids, features);
  }
  return features;
}

function buildChoropleth(
  features: GridFeature[],
  values: ReadonlyMap<string, number | null>,
  state: GridLayerState,
): Layer {
  const max = maxMeasureValue(values);
  return new GeoJsonLayer<GridArea>({
    id: GRID_LAYER_ID,
    data: features,
    visible: state.visible,
    ...(state.beforeId ? { beforeId: state.beforeId } : FILL_BEFORE),
    pickable: true,
    filled: true,
    opacity: choroplethOpacity(state.zoom),
    stroked: state.zoom >= GRID_OUTLINE_MIN_ZOOM,
    getFillColor: (feature) =>
      measureColour(state.measure, values.get(feature.properties.code) ?? null, max),
    getLineColor: OUTLINE_COLOUR,
    getLineWidth: state.scale,
    lineWidthUnits: 'pixels',
    updateTriggers: { getFillColor: [values, state.measure, max] },
  });
}

/**
 * The choropleth's opacity: full at district zoom, where it is the picture, fading to a tint
 * from street zoom on, where roads, cameras and incidents must show through.
 */
export function choroplethOpacity(zoom: number): number {
  const full = 14;
  const faint = 17;
  if (zoom <= full) return 1;
  if (zoom >= faint) return 0.35;
  return 1 - (0.65 * (zoom - full)) / (faint - full);
}

function buildSelectedOutline(features: GridFeature[], state: GridLayerState): Layer {
  const selected = features.filter((feature) => feature.properties.code === state.selectedCode);
  return new GeoJsonLayer<GridArea>({
    id: GRID_SELECTED_LAYER_ID,
    data: selected,
    visible: state.visible && selected.length > 0,
    ...SELECTED_BEFORE,
    filled: false,
    stroked: true,
    getLineColor: SELECTED_COLOUR,
    getLineWidth: 3 * state.scale,
    lineWidthUnits: 'pixels',
    lineJointRounded: true,
  });
}

/**
 * The grid choropleth (`values` from computeGridMeasure, coloured by the measure's ramp) and the
 * selected grid's outline. Picking `deck-grids` gives a
 * {@link GridFeature}.
 */
export function buildGridLayers(
  grids: readonly GridArea[],
  values: ReadonlyMap<string, number | null>,
  state: GridLayerState,
): Layer[] {
  const features = toGridFeatures(grids);
  return [buildChoropleth(features, values, state), buildSelectedOutline(features, state)];
}
