import { MapLibreOverlay } from '@deck.gl/maplibre';
import { Map as MapLibreMap } from 'maplibre-gl';
import { type RefObject, useEffect, useState } from 'react';
import { buildMapStyle } from './style';

/** A loaded MapLibre map with its interleaved deck.gl overlay. */
export interface MapHandle {
  map: MapLibreMap;
  overlay: MapLibreOverlay;
}

/** Where the camera starts before the district's extent is known (all of China). */
const INITIAL_VIEW = { center: [105, 35] as [number, number], zoom: 3 };

function createMap(container: HTMLElement): MapLibreMap {
  return new MapLibreMap({
    container,
    style: buildMapStyle(),
    ...INITIAL_VIEW,
    // Plain text: the default attribution links to an external site.
    attributionControl: { compact: false, customAttribution: '演示数据 · 一屏 Yiping' },
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    renderWorldCopies: false,
    maxZoom: 19,
  });
}

/**
 * Creates a MapLibre map in the container and, once its style has loaded, adds a deck.gl
 * `MapLibreOverlay` in interleaved mode (deck.gl draws into MapLibre's WebGL context, between
 * style layers). Returns null until both are ready; removes both on unmount.
 */
export function useMapLibre(containerRef: RefObject<HTMLElement | null>): MapHandle | null {
  const [handle, setHandle] = useState<MapHandle | null>(null);
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const map = createMap(container);
    map.once('load', () => {
      const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
      map.addControl(overlay);
      setHandle({ map, overlay });
    });
    return () => {
      setHandle(null);
      map.remove();
    };
  }, [containerRef]);
  return handle;
}
