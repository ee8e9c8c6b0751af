import type { PickingInfo } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useState } from 'react';
import { wallDataToMapFrame } from '../domain/wall-data-crs';
import { useChosenStyle, useStyleCrs } from './basemap-choice';
import { MAP_STYLE } from './map-style';
import type { GridMeasure } from '../domain/grid-measures';
import type { WallLayerKey } from '../domain/wall-layers';
import { pickedIncident } from './layers/incident-layer';
import { useGridCodeLabels } from './grid-code-labels';
import { MapView } from './map-view';
import { screenScale } from './screen-scale';
import { useStyleScale } from './style-scale';
import type { MapFocus } from './use-map-focus';
import { useWallLayers, type WallLayerData } from './use-wall-layers';

/** What a click on the map picked. */
export type MapPick =
  | { kind: 'grid'; code: string }
  | { kind: 'camera'; code: string }
  | { kind: 'incident'; code: string }
  | { kind: 'servicePoint'; code: string }
  | { kind: 'member'; id: string };

/** Frames a second of the pulse around fresh incidents (software rendering is slow). */
const PULSE_FPS = 5;
const PULSE_PERIOD_MS = 1_600;

export interface WallMapProps {
  data: WallLayerData;
  visibility: Record<WallLayerKey, boolean>;
  measure: GridMeasure;
  selectedGrid: string | null;
  selectedIncident: string | null;
  highlightedCameras: ReadonlySet<string>;
  fresh: ReadonlySet<string>;
  focus: MapFocus | null;
  onPick: (pick: MapPick | null) => void;
}

/**
 * The map stage of the wall screen: the district with the wall's deck.gl layers and grid codes;
 * labels, lines and symbols are drawn larger on a taller wall, like the rem-sized panels.
 */
export function WallMap(props: WallMapProps) {
  const { fresh, onPick } = props;
  const data = useDataInMapFrame(props.data);
  const [zoom, setZoom] = useState(12);
  const pulse = usePulse(fresh.size > 0);
  const scale = useScreenScale();
  const [map, setMap] = useState<MapLibreMap | null>(null);
  useStyleScale(map, scale);
  useGridCodeLabels(map, data.grids, props.visibility.grids, scale);
  const layers = useWallLayers(data, {
    visibility: props.visibility,
    measure: props.measure,
    // MapView reports the zoom a 1080-line screen would need for this view (`zoomAs1080p`): a
    // 2160-line wall at zoom 12 draws the level of detail of 11, twice the size.
    zoom,
    selectedGrid: props.selectedGrid,
    selectedIncident: props.selectedIncident,
    highlightedCameras: props.highlightedCameras,
    fresh,
    pulse,
    scale,
  });
  return (
    <MapView
      overlays={layers}
      onPick={(info) => onPick(pickOf(info, data))}
      onZoom={setZoom}
      focus={props.focus}
      onMap={setMap}
    />
  );
}

/** The wall's data where the chosen basemap draws it (shifted over a GCJ-02 basemap). */
function useDataInMapFrame(data: WallLayerData): WallLayerData {
  const crs = useStyleCrs(useChosenStyle(MAP_STYLE, true), true);
  return useMemo(() => wallDataToMapFrame(data, crs), [data, crs]);
}

/**
 * How much larger than at 1080p the map's symbols are drawn: panels are sized in rem (1/67.5 of
 * the window height), and deck.gl sizes in pixels follow the same rule.
 */
function useScreenScale(): number {
  const [scale, setScale] = useState(screenScale);
  useEffect(() => {
    const onResize = () => setScale(screenScale());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

/** The pulse's phase (0–1), ticking only while something pulses. */
function usePulse(active: boolean): number {
  const [phase, setPhase] = useState(0);
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(
      () => setPhase((Date.now() % PULSE_PERIOD_MS) / PULSE_PERIOD_MS),
      1_000 / PULSE_FPS,
    );
    return () => clearInterval(timer);
  }, [active]);
  return phase;
}

/** Reads what a deck.gl pick hit, by the layer's stable id. */
export function pickOf(info: PickingInfo, data: WallLayerData): MapPick | null {
  const id = info.layer?.id;
  const object = info.object as Record<string, unknown> | undefined;
  const field = (name: string): string | undefined => {
    const value = object?.[name] ?? (object?.properties as Record<string, unknown>)?.[name];
    return typeof value === 'string' ? value : undefined;
  };
  const incident = pickedIncident(info, data.incidents);
  if (incident) return { kind: 'incident', code: incident.code };
  const code = field('code');
  if (id === 'deck-grids' && code) return { kind: 'grid', code };
  if (id === 'deck-cameras' && code) return { kind: 'camera', code };
  if (id === 'deck-service-points' && code) return { kind: 'servicePoint', code };
  const memberId = field('id');
  if (id === 'deck-members' && memberId) return { kind: 'member', id: memberId };
  return null;
}
