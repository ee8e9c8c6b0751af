import { GeoJsonLayer } from '@deck.gl/layers';
import type { AdminAreaFeature } from '../../server-state/admin-areas';
import { MAP_COLORS } from '../palette';

/** Stable id of the community outline layer. */
export const COMMUNITY_OUTLINE_LAYER_ID = 'community-outlines';

/** View state of the community outline layer. */
export interface CommunityOutlineState {
  visible: boolean;
  /** The MapLibre style layer to draw beneath (interleaved mode). */
  beforeId?: string;
}

/** Outlines of the communities (社区/村), drawn by deck.gl inside the MapLibre map. */
export function buildCommunityOutlineLayer(
  communities: readonly AdminAreaFeature[],
  state: CommunityOutlineState,
): GeoJsonLayer<AdminAreaFeature['properties']> {
  return new GeoJsonLayer<AdminAreaFeature['properties']>({
    id: COMMUNITY_OUTLINE_LAYER_ID,
    data: communities as AdminAreaFeature[],
    visible: state.visible,
    ...(state.beforeId ? { beforeId: state.beforeId } : {}),
    filled: false,
    stroked: true,
    getLineColor: MAP_COLORS.communityOutline,
    getLineWidth: 2,
    lineWidthUnits: 'pixels',
    lineJointRounded: true,
  });
}
