import type { Layer } from '@deck.gl/core';
import { IconLayer } from '@deck.gl/layers';
import { LAYER_IDS } from '../../../api/contract/style-layer-ids';
import { SERVICE_GROUP_COLOURS, SERVICE_GROUP_OF } from '../../domain/map-colours';
import type { ServicePoint } from '../../domain/wall-data';
import { ICON_LOAD_OPTIONS, SERVICE_GROUP_ICONS } from '../icons';

/** Stable id of the service point layer. */
export const SERVICE_POINT_LAYER_ID = 'deck-service-points';

/** Below this zoom the facilities would only be noise over the incidents. */
export const SERVICE_POINT_MIN_ZOOM = 14;

/** Where the style's own service points would be: the lowest of the point layers. */
const BEFORE = { beforeId: LAYER_IDS.servicePoints };

/** View state of the service point layer. */
export interface ServicePointLayerState {
  visible: boolean;
  zoom: number;
  /**
   * Screen size factor: 1 at 1080p, `innerHeight / 1080` on a taller wall. Multiplies every
   * size in pixels, so points and lines keep pace with the rem-sized panels; metres stay.
   */
  scale: number;
}

/** Icon size in pixels, growing from district to street zoom. */
function iconSize(zoom: number): number {
  return Math.min(Math.max(12 + (zoom - SERVICE_POINT_MIN_ZOOM) * 3, 12), 28);
}

/**
 * The 15-minute life-circle facilities, icon and colour by group (health, elderly care …),
 * from zoom 14. Picking gives the ServicePoint.
 */
export function buildServicePointLayer(
  points: readonly ServicePoint[],
  state: ServicePointLayerState,
): Layer {
  return new IconLayer<ServicePoint>({
    id: SERVICE_POINT_LAYER_ID,
    data: points as ServicePoint[],
    visible: state.visible && state.zoom >= SERVICE_POINT_MIN_ZOOM,
    ...BEFORE,
    pickable: true,
    loadOptions: ICON_LOAD_OPTIONS,
    getPosition: (point) => [point.lng, point.lat],
    getIcon: (point) => SERVICE_GROUP_ICONS[SERVICE_GROUP_OF[point.category]],
    getColor: (point) => SERVICE_GROUP_COLOURS[SERVICE_GROUP_OF[point.category]],
    getSize: 1,
    sizeScale: iconSize(state.zoom) * state.scale,
    sizeUnits: 'pixels',
  });
}
