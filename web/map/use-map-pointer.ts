import type { PickingInfo } from '@deck.gl/core';
import type { MapMouseEvent } from 'maplibre-gl';
import { useEffect, useEffectEvent } from 'react';
import type { MapHandle } from './use-maplibre';

/** How far from the pointer a feature still counts as under it, in px. */
const PICK_RADIUS_PX = 4;
/** A press that moves less than this (px) is a click, not a drag (MapLibre's click tolerance). */
const DRAG_START_PX = 4;

/** `[lng, lat]` of a pointer event. */
export type PointerLngLat = [number, number];

/** What the planner's map does with the pointer. */
export interface MapPointerHandlers {
  /** A click, with what deck.gl picked there (null: nothing pickable). */
  onClick: (at: PointerLngLat, picked: PickingInfo | null) => void;
  /** A right-click (the browser's menu is suppressed). */
  onContextMenu: (at: PointerLngLat, picked: PickingInfo | null) => void;
  /** Objects of this deck.gl layer can be dragged; the map does not pan while one is. */
  draggableLayerId: string;
  /** The dragged object under the pointer now. */
  onDragMove: (object: unknown, at: PointerLngLat) => void;
  /** Released: `at` is where it was dropped, null when the drag was abandoned off the map. */
  onDragEnd: (object: unknown, at: PointerLngLat | null) => void;
  /** Show a crosshair: a click will place something. */
  placing: boolean;
}

const lngLatOf = (event: MapMouseEvent): PointerLngLat => [event.lngLat.lng, event.lngLat.lat];

/** The map's mouse events this module listens to. */
type PointerEvent = 'mousedown' | 'mouseup' | 'mousemove' | 'click' | 'contextmenu';

type Handler = <K extends keyof MapPointerHandlers>(name: K) => MapPointerHandlers[K];

/**
 * A press on a draggable object starts a drag (the map stops panning); moving past a few pixels
 * makes it a real drag; releasing, on the map or anywhere (then abandoned), ends it.
 */
function trackDrags(
  handle: MapHandle,
  on: Handler,
  pickAt: (x: number, y: number) => PickingInfo | null,
) {
  const { map } = handle;
  let drag: { object: unknown; x: number; y: number; moved: boolean } | null = null;
  const end = (at: PointerLngLat | null) => {
    if (!drag) return;
    const { object, moved } = drag;
    drag = null;
    map.dragPan.enable();
    if (moved) on('onDragEnd')(object, at);
  };
  return {
    down: (event: MapMouseEvent) => {
      if (event.originalEvent.button !== 0) return;
      const picked = pickAt(event.point.x, event.point.y);
      if (picked?.layer?.id !== on('draggableLayerId')) return;
      drag = { object: picked.object, x: event.point.x, y: event.point.y, moved: false };
      map.dragPan.disable();
    },
    /** True while a drag has the pointer (hover feedback is off then). */
    move: (event: MapMouseEvent): boolean => {
      if (!drag) return false;
      drag.moved ||= Math.hypot(event.point.x - drag.x, event.point.y - drag.y) >= DRAG_START_PX;
      if (drag.moved) on('onDragMove')(drag.object, lngLatOf(event));
      return true;
    },
    up: (event: MapMouseEvent) => end(lngLatOf(event)),
    abandon: () => end(null),
  };
}

/** Wires the map's pointer events to the handlers; returns the function that unwires them. */
function attachPointer(handle: MapHandle, on: Handler): () => void {
  const { map, overlay } = handle;
  const pickAt = (x: number, y: number) =>
    overlay.pickObject({ x, y, radius: PICK_RADIUS_PX }) ?? null;
  const drags = trackDrags(handle, on, pickAt);
  const listeners: Record<PointerEvent, (event: MapMouseEvent) => void> = {
    mousedown: drags.down,
    mouseup: drags.up,
    mousemove: (event: MapMouseEvent) => {
      if (drags.move(event)) return;
      const over = pickAt(event.point.x, event.point.y);
      map.getCanvas().style.cursor = over ? 'pointer' : on('placing') ? 'crosshair' : '';
    },
    click: (event: MapMouseEvent) =>
      on('onClick')(lngLatOf(event), pickAt(event.point.x, event.point.y)),
    contextmenu: (event: MapMouseEvent) => {
      event.preventDefault();
      on('onContextMenu')(lngLatOf(event), pickAt(event.point.x, event.point.y));
    },
  };
  const types = Object.keys(listeners) as PointerEvent[];
  for (const type of types) map.on(type, listeners[type]);
  window.addEventListener('mouseup', drags.abandon);
  return () => {
    for (const type of types) map.off(type, listeners[type]);
    window.removeEventListener('mouseup', drags.abandon);
  };
}

/**
 * Clicks, right-clicks and drags on the map, with deck.gl picking at the pointer
 * (`@deck.gl/maplibre` wires no pointer events in interleaved mode: see README decision 26).
 */
export function useMapPointer(handle: MapHandle | null, handlers: MapPointerHandlers): void {
  const on = useEffectEvent(<K extends keyof MapPointerHandlers>(name: K) => handlers[name]);
  useEffect(() => (handle ? attachPointer(handle, on) : undefined), [handle]);
}
