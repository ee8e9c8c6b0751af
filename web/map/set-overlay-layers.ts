import type { Layer } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Sets the overlay's deck.gl layers so that their `beforeId` holds.
 * In interleaved mode MapLibreOverlay only slots layers into the style while
 * `map.isStyleLoaded()`, which is false whenever a GeoJSON source is loading; until then it
 * draws them on top of everything. So set layers before `setData`, and if the style is busy
 * anyway, apply them again once the map is idle. Returns a function that cancels the retry.
 */
export function setOverlayLayers(
  map: MapLibreMap,
  overlay: MapLibreOverlay,
  layers: Layer[],
): () => void {
  overlay.setProps({ layers });
  if (map.isStyleLoaded()) return () => undefined;
  const reapply = () => overlay.setProps({ layers });
  map.once('idle', reapply);
  return () => {
    map.off('idle', reapply);
  };
}
