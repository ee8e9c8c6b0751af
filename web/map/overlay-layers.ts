import type { Layer } from '@deck.gl/core';
import { LAYER_IDS, type StyleLayerId } from '../../api/contract/style-layer-ids';
import type { AdminAreaCollection } from '../server-state/admin-areas';
import { selectAdminLevel } from '../domain/admin-areas';
import { buildCommunityOutlineLayer } from './layers/community-outline-layer';

/**
 * The server style's layer the community outlines are drawn beneath: above the style's own
 * community lines and grids, below street and district boundaries, points and labels.
 */
const COMMUNITY_OUTLINE_BEFORE: StyleLayerId = LAYER_IDS.streetGlow;

/**
 * The deck.gl layers drawn over the server's style, bottom to top. Names are the style's
 * (`places-*` layers, local fonts), so deck.gl draws no text of its own.
 */
export function buildAdminOverlayLayers(collection: AdminAreaCollection): Layer[] {
  return [
    buildCommunityOutlineLayer(selectAdminLevel(collection, 'community'), {
      visible: true,
      beforeId: COMMUNITY_OUTLINE_BEFORE,
    }),
  ];
}
