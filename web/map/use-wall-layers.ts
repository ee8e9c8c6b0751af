import type { Layer } from '@deck.gl/core';
import { useMemo } from 'react';
import type { GridQualityFeature } from '../domain/grid-quality';
import type { GridMeasure } from '../domain/grid-measures';
import type {
  CameraPoint,
  GridArea,
  IncidentPoint,
  LngLat,
  MemberPoint,
  ServicePoint,
} from '../domain/wall-data';
import type { WallLayerKey } from '../domain/wall-layers';
import type { BuildingAccess } from '../server-state/analysis';
import { buildBuildingAccessLayers, WALKING_REACH_LAYER_ID } from './layers/building-access-layer';
import { buildCameraLayers } from './layers/camera-layer';
import { buildGridLayers } from './layers/grid-layer';
import { buildGridQualityLayer } from './layers/grid-quality-layer';
import { buildIncidentLayers, toIncidentAttributes } from './layers/incident-layer';
import { buildMemberLayers } from './layers/member-layer';
import { buildServicePointLayer } from './layers/service-point-layer';

/** What the wall screen's layers draw. */
export interface WallLayerData {
  grids: GridArea[];
  /** The choropleth's value per grid code, for the chosen measure. */
  gridValues: Map<string, number | null>;
  cameras: CameraPoint[];
  servicePoints: ServicePoint[];
  members: MemberPoint[];
  trails: ReadonlyMap<string, LngLat[]>;
  /** The incidents passing the filter; picking an incident gives an index into this array. */
  incidents: IncidentPoint[];
  /** Buildings with their walking distance (the walking-reach layer); empty while it is off. */
  reach: BuildingAccess[];
  /** Gaps and overlaps of the grid check (admins, while its layer is on); none otherwise. */
  quality?: readonly GridQualityFeature[];
}

/** How the layers are drawn right now. */
export interface WallLayerState {
  visibility: Record<WallLayerKey, boolean>;
  measure: GridMeasure;
  zoom: number;
  selectedGrid: string | null;
  selectedIncident: string | null;
  highlightedCameras: ReadonlySet<string>;
  fresh: ReadonlySet<string>;
  /** 0–1, the phase of the pulse drawn around fresh incidents. */
  pulse: number;
  /** Pixel size factor: 1 at 1080p, `innerHeight / 1080` (at least 1) on a taller wall. */
  scale: number;
}

const NO_PROBLEMS: readonly GridQualityFeature[] = [];

/**
 * The deck.gl layers of the wall screen, bottom to top: grids, grid check, walking reach, service points,
 * cameras, members, incidents. The incidents' binary attributes are recomputed only when the incidents
 * change, so a pulse or a zoom rebuilds cheap layer descriptors over the same buffers.
 */
export function useWallLayers(data: WallLayerData, state: WallLayerState): Layer[] {
  const { grids, gridValues: values, cameras, servicePoints, members, trails, incidents } = data;
  const { reach } = data;
  const quality = data.quality ?? NO_PROBLEMS;
  const attributes = useMemo(() => toIncidentAttributes(incidents), [incidents]);
  const { visibility, measure, zoom, selectedGrid, selectedIncident, highlightedCameras } = state;
  const { fresh, pulse, scale } = state;
  return useMemo(
    () => [
      ...buildGridLayers(grids, values, {
        visible: visibility.grids,
        measure,
        zoom,
        selectedCode: selectedGrid,
        scale,
      }),
      buildGridQualityLayer(quality, { visible: quality.length > 0, scale }),
      ...buildBuildingAccessLayers(reach, {
        id: WALKING_REACH_LAYER_ID,
        visible: reach.length > 0,
        zoom,
        haloUncovered: false,
        scale,
      }),
      buildServicePointLayer(servicePoints, { visible: visibility.servicePoints, zoom, scale }),
      ...buildCameraLayers(cameras, {
        visible: visibility.cameras,
        zoom,
        highlighted: highlightedCameras,
        scale,
      }),
      ...buildMemberLayers(members, trails, { visible: visibility.members, zoom, scale }),
      ...buildIncidentLayers(incidents, attributes, {
        visible: visibility.incidents,
        zoom,
        fresh,
        pulse,
        highlightedCode: selectedIncident,
        scale,
      }),
    ],
    [
      grids,
      values,
      quality,
      reach,
      servicePoints,
      cameras,
      members,
      trails,
      incidents,
      attributes,
      visibility,
      measure,
      zoom,
      selectedGrid,
      selectedIncident,
      highlightedCameras,
      fresh,
      pulse,
      scale,
    ],
  );
}
