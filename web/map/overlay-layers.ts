import type { Layer } from '@deck.gl/core';
import type { AdminAreaCollection } from '../api/admin-areas';
import { labelAreas, selectAdminLevel } from '../domain/admin-areas';
import { buildCommunityOutlineLayer } from './layers/community-outline-layer';
import { buildStreetLabelLayer } from './layers/street-label-layer';
import { STYLE_LAYER_IDS } from './style';

/** The deck.gl layers drawn over the admin areas, bottom to top. */
export function buildAdminOverlayLayers(collection: AdminAreaCollection): Layer[] {
  return [
    buildCommunityOutlineLayer(selectAdminLevel(collection, 'community'), {
      visible: true,
      beforeId: STYLE_LAYER_IDS.districtOutline,
    }),
    buildStreetLabelLayer(labelAreas(selectAdminLevel(collection, 'street')), { visible: true }),
  ];
}
