import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import type { AdminAreaCollection } from '../api/admin-areas';
import { selectAdminLevel } from '../domain/admin-areas';
import { boundsOf } from '../domain/geometry';
import { buildAdminOverlayLayers } from './overlay-layers';
import { setOverlayLayers } from './set-overlay-layers';
import { ADMIN_SOURCE_ID } from './style';
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
 * Puts the admin areas on the map: MapLibre draws district and streets from the style's GeoJSON
 * source, deck.gl draws community outlines and street names; the camera fits the district.
 * Returns true once the map has gone idle with these areas drawn.
 */
export function useAdminAreaDrawing(
  handle: MapHandle | null,
  collection: AdminAreaCollection | undefined,
): boolean {
  const [drawn, setDrawn] = useState<AdminAreaCollection | null>(null);
  useEffect(() => {
    if (!handle || !collection) return undefined;
    const { map, overlay } = handle;
    // Layers first, while the style is still "loaded" (see setOverlayLayers), then the data.
    const cancelReapply = setOverlayLayers(map, overlay, buildAdminOverlayLayers(collection));
    map.getSource<GeoJSONSource>(ADMIN_SOURCE_ID)?.setData(collection);
    fitDistrict(map, collection);
    // setData is processed in a worker: wait for an idle frame with the source loaded.
    const onIdle = () => {
      if (!map.isSourceLoaded(ADMIN_SOURCE_ID)) return;
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
