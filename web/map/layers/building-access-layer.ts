import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { LAYER_IDS } from '../../../api/contract/style-layer-ids';
import type { BuildingAccess } from '../../server-state/analysis';
import { distanceColour, UNCOVERED_HALO } from '../../domain/walking-distance';

/** Stable ids of the planner's building layers. */
export const BUILDING_ACCESS_LAYER_ID = 'deck-building-access';
export const BUILDING_UNCOVERED_LAYER_ID = 'deck-building-uncovered';
/** Stable id of the same points on the wall screen (its walking-reach layer). */
export const WALKING_REACH_LAYER_ID = 'deck-walking-reach';

/**
 * Zoom from which the uncovered buildings are ringed: farther out the rings merge into a red
 * carpet over the whole district, and the dots' colours already tell the distance.
 */
export const BUILDING_HALO_MIN_ZOOM = 14;

/** Above the roads and boundaries, beneath every point layer and label of our styles. */
const BEFORE = { beforeId: LAYER_IDS.servicePoints };

/** View state of the building layers. */
export interface BuildingAccessState {
  visible: boolean;
  zoom: number;
  /** Ring the buildings whose residents are out of the chosen distance (the planner's view). */
  haloUncovered: boolean;
  /** The layer id: the planner's map or the wall's walking-reach layer. */
  id?: string;
  /** Pixel size factor (the wall's screen scale); 1 on the planner's desktop. */
  scale?: number;
}

/** Dot radius in pixels, growing from district to street zoom. */
export function buildingRadius(zoom: number): number {
  return Math.min(Math.max(1.5 + (zoom - 12) * 1.1, 1.5), 7);
}

/**
 * Building centroids coloured by their walking distance to the nearest facility (≤300, ≤500,
 * ≤1,000 m, farther, no path), and — when asked — a red ring around the uncovered ones from
 * street zoom on.
 * Picking the dots gives the {@link BuildingAccess} feature.
 */
export function buildBuildingAccessLayers(
  buildings: readonly BuildingAccess[],
  state: BuildingAccessState,
): Layer[] {
  const id = state.id ?? BUILDING_ACCESS_LAYER_ID;
  const radius = buildingRadius(state.zoom) * (state.scale ?? 1);
  const dots = new ScatterplotLayer<BuildingAccess>({
    id,
    data: buildings as BuildingAccess[],
    visible: state.visible,
    ...BEFORE,
    pickable: true,
    getPosition: (b) => b.geometry.coordinates as [number, number],
    getFillColor: (b) => distanceColour(b.properties.distanceM),
    getRadius: radius,
    radiusUnits: 'pixels',
    updateTriggers: { getRadius: radius },
  });
  if (!state.haloUncovered) return [dots];
  const uncovered = buildings.filter((b) => !b.properties.covered);
  const halo = new ScatterplotLayer<BuildingAccess>({
    id: BUILDING_UNCOVERED_LAYER_ID,
    data: uncovered,
    visible: state.visible && state.zoom >= BUILDING_HALO_MIN_ZOOM,
    ...BEFORE,
    filled: false,
    stroked: true,
    getPosition: (b) => b.geometry.coordinates as [number, number],
    getLineColor: UNCOVERED_HALO,
    getRadius: radius + 2.5,
    radiusUnits: 'pixels',
    getLineWidth: 1.5,
    lineWidthUnits: 'pixels',
    updateTriggers: { getRadius: radius },
  });
  return [halo, dots];
}
