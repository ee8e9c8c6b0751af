import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import type { Bounds } from '../domain/geometry';
import { toMapFrame, type MapCrs } from '../domain/map-crs';

/** Where the camera should go: a point at a zoom, or a box to fit. A new `key` moves again. */
export type MapFocus =
  { key: string; center: [number, number]; zoom: number } | { key: string; bounds: Bounds };

/**
 * A focus (a WGS84 place) where the map draws it: over a GCJ-02 basemap every overlay is shifted,
 * so the camera must go to the shifted place too, or it lands about 500 m off.
 */
export function focusToMapFrame(focus: MapFocus | null, crs: MapCrs): MapFocus | null {
  if (!focus || crs === 'wgs84') return focus;
  if ('center' in focus) return { ...focus, center: toMapFrame(focus.center, crs) };
  const [sw, ne] = focus.bounds;
  return { ...focus, bounds: [toMapFrame(sw, crs), toMapFrame(ne, crs)] };
}

/** Slow enough to follow on a wall, quick enough not to bore. */
const FLY_MS = 2_500;

/** Room, in px, on each edge of the map. */
export interface EdgeRoom {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Room, in px, that panels take over the map's edges (computed when needed: windows resize). */
export type Padding = () => EdgeRoom;

const NO_ROOM: EdgeRoom = { top: 0, bottom: 0, left: 0, right: 0 };

/** The wall's panels that float over the map. */
const WALL_PANELS = '.wall__title, .wall__left, .wall__right, .wall__charts';

/** A box on screen, in CSS px (what `getBoundingClientRect` gives). */
export interface ScreenBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The free area keeps at least this share of the map's width and height, whatever the panels. */
const MIN_FREE_SHARE = 0.2;

/**
 * Room the panels on each edge take from the map box, plus `margin` so nothing fitted touches
 * a panel. Panels not drawn (an empty box) take none; the free area keeps at least a fifth of
 * the map each way, so a fit always has somewhere to go.
 */
export function roomAround(
  map: ScreenBox,
  panels: Partial<Record<keyof EdgeRoom, ScreenBox[]>>,
  margin: number,
): EdgeRoom {
  const drawn = (edge: keyof EdgeRoom) =>
    (panels[edge] ?? []).filter((b) => b.right > b.left && b.bottom > b.top);
  const reach = (edge: keyof EdgeRoom, of: (b: ScreenBox) => number) =>
    Math.max(0, ...drawn(edge).map(of)) + margin;
  const room = {
    top: reach('top', (b) => b.bottom - map.top),
    bottom: reach('bottom', (b) => map.bottom - b.top),
    left: reach('left', (b) => b.right - map.left),
    right: reach('right', (b) => map.right - b.left),
  };
  const fit = (a: number, b: number, size: number) => {
    const most = size * (1 - MIN_FREE_SHARE);
    return a + b <= most ? 1 : most / (a + b);
  };
  const x = fit(room.left, room.right, map.right - map.left);
  const y = fit(room.top, room.bottom, map.bottom - map.top);
  return { top: room.top * y, bottom: room.bottom * y, left: room.left * x, right: room.right * x };
}

/**
 * The edge of the map a panel covers: a band at least half the map wide lies along the top or
 * the bottom, anything narrower along the left or the right, by where its centre is (the
 * charts strip is a bottom band at 16:9 and a column at the right on a 5760×1080 wall).
 */
export function edgeOf(map: ScreenBox, panel: ScreenBox): keyof EdgeRoom {
  const wide = panel.right - panel.left >= (map.right - map.left) / 2;
  if (wide) return (panel.top + panel.bottom) / 2 < (map.top + map.bottom) / 2 ? 'top' : 'bottom';
  return (panel.left + panel.right) / 2 < (map.left + map.right) / 2 ? 'left' : 'right';
}

/**
 * Room the wall's panels take around the map, in px, measured from the panels on the page now
 * (title bar, left and right columns, charts), plus a rem of margin: a panel that grows or
 * moves moves the free area with it.
 */
export function panelPadding(): EdgeRoom {
  const canvas = (
    document.querySelector('.map-view') ?? document.documentElement
  ).getBoundingClientRect();
  const panels: Record<keyof EdgeRoom, ScreenBox[]> = { top: [], bottom: [], left: [], right: [] };
  for (const element of document.querySelectorAll(WALL_PANELS)) {
    const box = element.getBoundingClientRect();
    panels[edgeOf(canvas, box)].push(box);
  }
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return roomAround(canvas, panels, rem);
}

/** How far the free area's centre lies from the map's centre, in px. */
function offsetOf(room: EdgeRoom): [number, number] {
  return [(room.left - room.right) / 2, (room.top - room.bottom) / 2];
}

/**
 * Flies to `focus` with the place centred in the free area between the panels, north up and
 * flat. The map's own padding stays zero: MapLibre keeps the `padding` of a flight as the
 * map's padding and adds a later fit's padding to it, so each move says its room itself (as
 * an offset) and the next move starts from a neutral map.
 */
function moveTo(map: MapLibreMap, focus: MapFocus, room: EdgeRoom): void {
  const flat = { bearing: 0, pitch: 0, padding: NO_ROOM, offset: offsetOf(room) };
  if ('center' in focus) {
    map.flyTo({ ...flat, center: focus.center, zoom: focus.zoom, duration: FLY_MS });
    return;
  }
  const camera = map.cameraForBounds(focus.bounds, {
    padding: room,
    absolutePadding: true,
    bearing: 0,
  });
  if (!camera?.center || camera.zoom === undefined) return;
  map.flyTo({ ...flat, center: camera.center, zoom: camera.zoom, duration: FLY_MS });
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
    moveTo(map, focus, paddingOf());
    // Only a new key moves the camera; a re-render with the same focus must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key]);
}
