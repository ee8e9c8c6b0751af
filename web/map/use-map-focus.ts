import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import type { Bounds } from '../domain/geometry';

/** Where the camera should go: a point at a zoom, or a box to fit. A new `key` moves again. */
export type MapFocus =
  { key: string; center: [number, number]; zoom: number } | { key: string; bounds: Bounds };

/** Slow enough to follow on a wall, quick enough not to bore. */
const FLY_MS = 2_500;

/** Room, in px, that panels take over the map's edges (computed when needed: windows resize). */
export type Padding = () => { top: number; bottom: number; left: number; right: number };

/**
 * Room the panels take around the map, in px: the title bar, the left and right columns and
 * the charts strip are sized in rem, and a rem is 1/67.5 of the window height.
 */
export function panelPadding(): { top: number; bottom: number; left: number; right: number } {
  const rem = window.innerHeight / 67.5;
  return { top: 7 * rem, bottom: 15 * rem, left: 23 * rem, right: 28 * rem };
}

/** Moves the map to `focus` whenever its key changes (the wall's panel padding by default). */
export function useMapFocus(
  map: MapLibreMap | null,
  focus: MapFocus | null,
  paddingOf: Padding = panelPadding,
): void {
  const key = focus?.key;
  useEffect(() => {
    if (!map || !focus) return;
    const padding = paddingOf();
    if ('bounds' in focus) map.fitBounds(focus.bounds, { padding, duration: FLY_MS });
    else map.flyTo({ center: focus.center, zoom: focus.zoom, padding, duration: FLY_MS });
    // Only a new key moves the camera; a re-render with the same focus must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key]);
}
