import type { Layer } from '@deck.gl/core';
import { useQuery } from '@tanstack/react-query';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { type RefObject, useEffect, useEffectEvent, useRef } from 'react';
import { DECK_DRAWN_STYLE_LAYERS } from './deck-drawn-layers';
import { adminAreasQuery } from '../server-state/admin-areas';
import { readyzQuery } from '../server-state/readyz';
import { MapNotice } from '../ui/map-notice';
import { describeReadiness } from './describe-readiness';
import { mapStyleQuery } from './map-style';
import { setOverlayLayers } from './set-overlay-layers';
import { useAdminAreaDrawing } from './use-admin-area-drawing';
import { type MapFocus, type Padding, useMapFocus } from './use-map-focus';
import { type MapPointerHandlers, useMapPointer } from './use-map-pointer';
import { type MapHandle, useMapLibre } from './use-maplibre';

/** The planner's map sits beside its panels, not under them: a small even margin. */
const PLANNING_PADDING: Padding = () => ({ top: 24, bottom: 24, left: 24, right: 24 });

/** Props of {@link PlanningMap}. */
export interface PlanningMapProps extends MapPointerHandlers {
  overlays: Layer[];
  focus: MapFocus | null;
  onZoom: (zoom: number) => void;
  /** Receives the MapLibre map once loaded (null when gone), e.g. for a print snapshot. */
  mapRef: RefObject<MapLibreMap | null>;
}

/** Hides the style's copies of what deck.gl draws, hands the map out and reports zooms. */
function useMapSetup(
  handle: MapHandle | null,
  mapRef: RefObject<MapLibreMap | null>,
  onZoom: (zoom: number) => void,
): void {
  const reportZoom = useEffectEvent(onZoom);
  useEffect(() => {
    if (!handle) return undefined;
    const { map } = handle;
    mapRef.current = map;
    for (const id of DECK_DRAWN_STYLE_LAYERS) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'none');
    }
    const onMoveEnd = () => reportZoom(map.getZoom());
    map.on('moveend', onMoveEnd);
    onMoveEnd();
    return () => {
      map.off('moveend', onMoveEnd);
      mapRef.current = null;
    };
  }, [handle, mapRef]);
}

/**
 * The planner's map: the server's light style (`/styles/light.json`, an office screen and
 * paper), the district fitted into it, deck.gl layers interleaved, and pointer handling for
 * placing, dragging and removing facilities. The last frame stays readable for printing.
 * `data-map-ready` turns "true" once the district is drawn.
 */
export function PlanningMap({ overlays, focus, onZoom, mapRef, ...pointer }: PlanningMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const readiness = useQuery(readyzQuery());
  const ready = readiness.data?.status === 'ready';
  const style = useQuery({ ...mapStyleQuery('light'), enabled: ready });
  const handle = useMapLibre(containerRef, style.data, { preserveDrawingBuffer: true });
  const areas = useQuery({ ...adminAreasQuery(), enabled: ready });
  const drawn = useAdminAreaDrawing(handle, areas.data, PLANNING_PADDING);
  useMapFocus(handle?.map ?? null, focus, PLANNING_PADDING);
  useMapPointer(handle, pointer);
  useMapSetup(handle, mapRef, onZoom);
  useEffect(() => {
    if (!handle) return undefined;
    return setOverlayLayers(handle.map, handle.overlay, overlays);
  }, [handle, overlays]);
  const failed = style.isError ? style : areas.isError ? areas : undefined;
  return (
    <div className="map-view planning-map" data-map-ready={drawn ? 'true' : 'false'}>
      <div
        ref={containerRef}
        className="map-view__canvas"
        role="region"
        aria-label="规划地图 Map"
      />
      {!ready && <MapNotice text={describeReadiness(readiness).text} />}
      {failed && (
        <MapNotice
          text={style.isError ? '地图样式加载失败' : '区划数据加载失败'}
          action={{ label: '重试', onClick: () => void failed.refetch() }}
        />
      )}
    </div>
  );
}
