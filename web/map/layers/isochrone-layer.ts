import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import { LAYER_IDS } from '../../../api/contract/style-layer-ids';
import type { ReachPolygon } from '../../server-state/analysis';
import type { Rgba } from '../../domain/map-colours';
import { isochroneColour } from '../../domain/walking-distance';

/** Stable id of the reach polygons of the facility clicked. */
export const ISOCHRONE_LAYER_ID = 'deck-isochrones';

const BEFORE = { beforeId: LAYER_IDS.roadsCasing.alley };
const OUTLINE: Rgba = [29, 78, 216, 220];

/**
 * The area reached on foot within each distance of one facility (largest first, so the
 * nearest ring is drawn last and darkest), outlined in blue.
 */
export function buildIsochroneLayer(
  polygons: readonly ReachPolygon[],
  state: { visible: boolean },
): Layer {
  const distances = polygons.map((p) => p.properties.distance);
  return new GeoJsonLayer<{ distance: number }>({
    id: ISOCHRONE_LAYER_ID,
    data: polygons as ReachPolygon[],
    visible: state.visible && polygons.length > 0,
    ...BEFORE,
    filled: true,
    stroked: true,
    getFillColor: (f) => isochroneColour(f.properties.distance, distances),
    getLineColor: OUTLINE,
    getLineWidth: 1.5,
    lineWidthUnits: 'pixels',
    updateTriggers: { getFillColor: distances.join(',') },
  });
}
