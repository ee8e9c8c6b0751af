import { MapLibreOverlay } from '@deck.gl/maplibre';
import { Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import { type RefObject, useEffect, useState } from 'react';

/** A loaded MapLibre map with its interleaved deck.gl overlay. */
export interface MapHandle {
  map: MapLibreMap;
  overlay: MapLibreOverlay;
}

declare global {
  interface Window {
    /**
     * The page's map once its style has loaded, for browser tests and for operators poking at
     * it from the console (`yipingMap.queryRenderedFeatures(…)`).
     */
    yipingMap?: MapLibreMap;
    /** The map's deck.gl overlay, for browser tests (`yipingOverlay.pickObjects(…)`). */
    yipingOverlay?: MapLibreOverlay;
  }
}

/** Where the camera starts before the district's extent is known (all of China). */
const INITIAL_VIEW = { center: [105, 35] as [number, number], zoom: 3 };

/** Options of a map beyond its style. */
export interface MapOptions {
  /**
   * Keep the last frame readable (`canvas.toDataURL()`), for a printed snapshot of the map;
   * costs a little speed, so only the planner's map asks for it.
   */
  preserveDrawingBuffer?: boolean;
}

function createMap(
  container: HTMLElement,
  style: StyleSpecification,
  options: MapOptions,
): MapLibreMap {
  return new MapLibreMap({
    container,
    style,
    ...(options.preserveDrawingBuffer
      ? { canvasContextAttributes: { preserveDrawingBuffer: true } }
      : {}),
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
 * Creates a MapLibre map with `style` in the container and, once the style has loaded, adds a
 * deck.gl `MapLibreOverlay` in interleaved mode (deck.gl draws into MapLibre's WebGL context,
 * between style layers). Returns null until both are ready (and while `style` is not yet
 * known); removes both on unmount.
 */
export function useMapLibre(
  containerRef: RefObject<HTMLElement | null>,
  style: StyleSpecification | undefined,
  options: MapOptions = {},
): MapHandle | null {
  const preserveDrawingBuffer = options.preserveDrawingBuffer === true;
  const [handle, setHandle] = useState<MapHandle | null>(null);
  useEffect(() => {
    const container = containerRef.current;
    if (!container || !style) return undefined;
    const map = createMap(container, style, { preserveDrawingBuffer });
    map.once('load', () => {
      const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
      map.addControl(overlay);
      window.yipingMap = map;
      window.yipingOverlay = overlay;
      setHandle({ map, overlay });
    });
    return () => {
      setHandle(null);
      if (window.yipingMap === map) {
        delete window.yipingMap;
        delete window.yipingOverlay;
      }
      map.remove();
    };
  }, [containerRef, style, preserveDrawingBuffer]);
  return handle;
}
