import type { Layer, PickingInfo } from '@deck.gl/core';
import { useQuery } from '@tanstack/react-query';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useEffectEvent, useMemo, useRef } from 'react';
import { DECK_DRAWN_STYLE_LAYERS } from './deck-drawn-layers';
import { adminAreasQuery } from '../server-state/admin-areas';
import { readyzQuery } from '../server-state/readyz';
import { MapNotice } from '../ui/map-notice';
import { describeReadiness } from './describe-readiness';
import { areasToMapFrame, mapCrsOf, noticeOf } from '../domain/map-crs';
import { useChosenStyle } from './basemap-choice';
import { MAP_STYLE, mapStyleQuery } from './map-style';
import { zoomAs1080p } from './screen-scale';
import { buildAdminOverlayLayers } from './overlay-layers';
import { setOverlayLayers } from './set-overlay-layers';
import { useAdminAreaDrawing } from './use-admin-area-drawing';
import { focusToMapFrame, type MapFocus, useMapFocus } from './use-map-focus';
import { useMapLibre } from './use-maplibre';

/** How far from a click a feature still counts as clicked (small points on a wall). */
const PICK_RADIUS_PX = 4;
/** Zoom changes during a move reach the layers rounded to this step; a move's end exactly. */
const ZOOM_STEP = 0.5;
/** What a click on no pickable feature reports. */
const EMPTY_PICK = { layer: null, index: -1, object: undefined } as unknown as PickingInfo;

export interface MapViewProps {
  /** deck.gl layers drawn over the style, above the community outlines. */
  overlays: Layer[];
  /** A click on a pickable deck.gl feature (or on nothing: `info.layer` null). */
  onPick: (info: PickingInfo) => void;
  /**
   * The map's zoom as a 1080p screen would have it (see `zoomAs1080p`), while it moves (in half
   * steps) and when a move ends: layers follow it.
   */
  onZoom: (zoom: number) => void;
  /** Where the camera should go; a new `key` moves it again. */
  focus: MapFocus | null;
  /** The loaded map (null before and after), for callers that adjust its style. */
  onMap?: (map: MapLibreMap | null) => void;
}

/**
 * The full-window map of the district, in the server's dark style (`/styles/dark.json`), with
 * the wall screen's deck.gl layers interleaved. The style and the admin areas are fetched once
 * the server reports ready; `data-map-ready` turns "true" when the district is drawn (browser
 * tests wait for it).
 */
export function MapView({ overlays, onPick, onZoom, focus, onMap }: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const readiness = useQuery(readyzQuery());
  const ready = readiness.data?.status === 'ready';
  const styleName = useChosenStyle(MAP_STYLE, ready);
  const style = useQuery({ ...mapStyleQuery(styleName), enabled: ready });
  const handle = useMapLibre(containerRef, style.data);
  const crs = mapCrsOf(style.data?.metadata);
  const areas = useQuery({ ...adminAreasQuery(), enabled: ready });
  // Over a GCJ-02 basemap the district is drawn (and fitted) where the basemap has it.
  const areaData = useMemo(() => areasToMapFrame(areas.data, crs), [areas.data, crs]);
  const drawn = useAdminAreaDrawing(handle, areaData);
  const framedFocus = useMemo(() => focusToMapFrame(focus ?? null, crs), [focus, crs]);
  useMapFocus(handle?.map ?? null, framedFocus);
  const pick = useEffectEvent(onPick);
  const reportZoom = useEffectEvent(onZoom);
  const reportMap = useEffectEvent((map: MapLibreMap | null) => onMap?.(map));

  useEffect(() => {
    reportMap(handle?.map ?? null);
  }, [handle]);

  useEffect(() => {
    if (!handle) return undefined;
    const { map, overlay } = handle;
    for (const id of DECK_DRAWN_STYLE_LAYERS) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'none');
    }
    // @deck.gl/maplibre 9.4 wires no pointer events in interleaved mode (its overlaid mode
    // does): pick on MapLibre's own click, and show a hand over pickable features.
    const pickAt = ({ point }: MapMouseEvent) =>
      overlay.pickObject({ x: point.x, y: point.y, radius: PICK_RADIUS_PX });
    const onClick = (event: MapMouseEvent) => pick(pickAt(event) ?? EMPTY_PICK);
    const onMouseMove = (event: MapMouseEvent) => {
      map.getCanvas().style.cursor = pickAt(event) ? 'pointer' : '';
    };
    // Layers choose by the ground on screen: the zoom a 1080p screen would need for it.
    const onMoveEnd = () => reportZoom(zoomAs1080p(map.getZoom()));
    // While the camera moves (a flight of the tour, a wheel), layers follow in steps, so the
    // ones meant for street zoom are gone before a flight back to the district ends.
    const onZooming = () =>
      reportZoom(Math.round(zoomAs1080p(map.getZoom()) / ZOOM_STEP) * ZOOM_STEP);
    map.on('click', onClick);
    map.on('mousemove', onMouseMove);
    map.on('zoom', onZooming);
    map.on('moveend', onMoveEnd);
    map.on('resize', onMoveEnd);
    onMoveEnd();
    return () => {
      map.off('click', onClick);
      map.off('mousemove', onMouseMove);
      map.off('zoom', onZooming);
      map.off('moveend', onMoveEnd);
      map.off('resize', onMoveEnd);
    };
  }, [handle]);

  useEffect(() => {
    if (!handle || !areaData) return undefined;
    const layers = [...buildAdminOverlayLayers(areaData), ...overlays];
    return setOverlayLayers(handle.map, handle.overlay, layers);
  }, [handle, areaData, overlays]);

  const failed = style.isError ? style : areas.isError ? areas : undefined;
  const readinessText = describeReadiness(readiness).text;
  const notice = noticeOf(style.data?.metadata);
  return (
    <main className="map-view" data-map-ready={drawn ? 'true' : 'false'}>
      <div ref={containerRef} className="map-view__canvas" role="region" aria-label="区划地图" />
      {!ready && <MapNotice text={readinessText} />}
      {notice && <MapNotice text={notice} />}
      {failed && (
        <MapNotice
          text={style.isError ? '地图样式加载失败' : '区划数据加载失败'}
          action={{ label: '重试', onClick: () => void failed.refetch() }}
        />
      )}
    </main>
  );
}
