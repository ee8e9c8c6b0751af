import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { DraftFacility } from '../../domain/scenario-draft';
import type { Rgba } from '../../domain/map-colours';

/** Stable id of the planner's facility layer (the chosen category, as the scenario leaves it). */
export const FACILITY_LAYER_ID = 'deck-facilities';

/** Facility colours by what the scenario does to them. */
export const FACILITY_COLOURS: Record<DraftFacility['status'], Rgba> = {
  existing: [30, 64, 175, 255],
  moved: [234, 88, 12, 255],
  added: [147, 51, 234, 255],
};

const OUTLINE: Rgba = [255, 255, 255, 255];
const SELECTED_OUTLINE: Rgba = [250, 204, 21, 255];

/** View state of the facility layer. */
export interface FacilityLayerState {
  visible: boolean;
  /** The facility whose reach and popup are shown, ringed in yellow. */
  selectedKey: string | null;
  /** A facility being dragged, drawn where the pointer is. */
  dragging: { key: string; lng: number; lat: number } | null;
}

/**
 * The chosen category's facilities over everything else: existing blue, moved orange, added
 * purple, with a white ring (yellow when selected). Picking gives the {@link DraftFacility}.
 */
export function buildFacilityLayer(
  facilities: readonly DraftFacility[],
  state: FacilityLayerState,
): Layer {
  const { dragging, selectedKey } = state;
  const position = (f: DraftFacility): [number, number] =>
    dragging?.key === f.key ? [dragging.lng, dragging.lat] : [f.lng, f.lat];
  return new ScatterplotLayer<DraftFacility>({
    id: FACILITY_LAYER_ID,
    data: facilities as DraftFacility[],
    visible: state.visible,
    pickable: true,
    stroked: true,
    getPosition: position,
    getFillColor: (f) => FACILITY_COLOURS[f.status],
    getLineColor: (f) => (f.key === selectedKey ? SELECTED_OUTLINE : OUTLINE),
    getRadius: (f) => (f.key === selectedKey || f.key === dragging?.key ? 9 : 7),
    radiusUnits: 'pixels',
    getLineWidth: (f) => (f.key === selectedKey ? 3 : 2),
    lineWidthUnits: 'pixels',
    updateTriggers: {
      getPosition: [dragging?.key, dragging?.lng, dragging?.lat],
      getLineColor: selectedKey,
      getRadius: [selectedKey, dragging?.key],
      getLineWidth: selectedKey,
    },
  });
}
