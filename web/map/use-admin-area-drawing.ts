import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import type { AdminAreaCollection } from '../server-state/admin-areas';
import { selectAdminLevel } from '../domain/admin-areas';
import { boundsOf } from '../domain/geometry';
import { type Padding, panelPadding } from './use-map-focus';
import type { MapHandle } from './use-maplibre';

function fitDistrict(map: MapLibreMap, collection: AdminAreaCollection, padding: Padding): void {
  const bounds =
    boundsOf(selectAdminLevel(collection, 'district')) ?? boundsOf(collection.features);
  if (bounds) map.fitBounds(bounds, { padding: padding(), animate: false });
}

/**
 * Puts the district on screen between the panels. Returns true once the map has gone idle
 * there with every tile of the view loaded. `padding` is the room panels take over the map
 * (the wall screen's by default).
 */
export function useAdminAreaDrawing(
  handle: MapHandle | null,
  collection: AdminAreaCollection | undefined,
  padding: Padding = panelPadding,
): boolean {
  const [drawn, setDrawn] = useState<AdminAreaCollection | null>(null);
  useEffect(() => {
    if (!handle || !collection) return undefined;
    const { map } = handle;
    fitDistrict(map, collection, padding);
    // `idle` comes once the moved-to view's tiles are requested, loaded and drawn.
    const onIdle = () => {
      if (!map.areTilesLoaded()) return;
      map.off('idle', onIdle);
      setDrawn(collection);
    };
    map.on('idle', onIdle);
    map.triggerRepaint();
    return () => {
      map.off('idle', onIdle);
    };
  }, [handle, collection, padding]);
  return drawn !== null && drawn === collection;
}
