import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import type { AdminAreaCollection } from '../api/admin-areas';
import { selectAdminLevel } from '../domain/admin-areas';
import { boundsOf } from '../domain/geometry';
import { buildAdminOverlayLayers } from './overlay-layers';
import { setOverlayLayers } from './set-overlay-layers';
import type { MapHandle } from './use-maplibre';

/**
 * Room left around the district when fitting: the status panel sits on the left, the user
 * badge in the top-right corner.
 */
const FIT_PADDING = { top: 88, bottom: 48, left: 360, right: 48 };

function fitDistrict(map: MapLibreMap, collection: AdminAreaCollection): void {
  const bounds =
    boundsOf(selectAdminLevel(collection, 'district')) ?? boundsOf(collection.features);
  if (bounds) map.fitBounds(bounds, { padding: FIT_PADDING, animate: false });
}

/**
 * Puts the district on screen: the camera fits the admin areas, deck.gl draws the community
 * outlines over the server style, whose tiles draw everything else. Returns true once the map
 * has gone idle there with every tile of the view loaded.
 */
export function useAdminAreaDrawing(
  handle: MapHandle | null,
  collection: AdminAreaCollection | undefined,
): boolean {
  const [drawn, setDrawn] = useState<AdminAreaCollection | null>(null);
  useEffect(() => {
    if (!handle || !collection) return undefined;
    const { map, overlay } = handle;
    const cancelReapply = setOverlayLayers(map, overlay, buildAdminOverlayLayers(collection));
    fitDistrict(map, collection);
    // `idle` comes once the moved-to view's tiles are requested, loaded and drawn.
    const onIdle = () => {
      if (!map.areTilesLoaded()) return;
      map.off('idle', onIdle);
      setDrawn(collection);
    };
    map.on('idle', onIdle);
    map.triggerRepaint();
    return () => {
      cancelReapply();
      map.off('idle', onIdle);
    };
  }, [handle, collection]);
  return drawn !== null && drawn === collection;
}
