import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, SymbolLayerSpecification } from 'maplibre-gl';
import { useEffect } from 'react';
import { LAYER_IDS, type StyleLayerId } from '../../api/contract/style-layer-ids';
import type { GridArea } from '../domain/wall-data';
import { SELF_SCALED } from './style-scale';

/** Id of the grid-code label layer and of its GeoJSON source. */
export const GRID_CODE_LABEL_ID = 'wall-grid-codes';

/** Zoom from which grid codes are written. */
export const GRID_CODE_MIN_ZOOM = 15;

/** Grid codes' text size at 1080 lines, in pixels (the wall's minimum text size). */
export const GRID_CODE_TEXT_PX = 16;

/**
 * Placed beneath the community names: MapLibre places the upper layer's labels first and drops
 * any grid code that would overlap one, so codes and names never collide.
 */
const BEFORE: StyleLayerId = LAYER_IDS.communityLabels;

/** The style's regular CJK font stack (labels use local fonts: the style has no glyphs). */
const FONT = ['Noto Sans CJK SC Regular', 'Noto Sans CJK SC'];

/** Grid codes as label points, one per grid at its label position. */
export function toGridCodePoints(grids: readonly GridArea[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: grids.map((grid) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [...grid.labelAt] },
      properties: { code: grid.code },
    })),
  };
}

/**
 * The grid-code symbol layer: `scale` times the 1080-line size, hidden with the grids, from the
 * view that a 1080-line screen shows at zoom 15 (one zoom later at 2160 lines).
 */
export function gridCodeLayer(visible: boolean, scale: number): SymbolLayerSpecification {
  return {
    id: GRID_CODE_LABEL_ID,
    type: 'symbol',
    source: GRID_CODE_LABEL_ID,
    minzoom: GRID_CODE_MIN_ZOOM + Math.log2(scale),
    metadata: { [SELF_SCALED]: true },
    layout: {
      visibility: visible ? 'visible' : 'none',
      'text-field': ['get', 'code'],
      'text-font': FONT,
      'text-size': GRID_CODE_TEXT_PX * scale,
      'text-padding': 2 * scale,
    },
    paint: {
      'text-color': 'rgba(226, 232, 240, 0.92)',
      'text-halo-color': 'rgba(5, 11, 23, 0.9)',
      'text-halo-width': 1.5 * scale,
    },
  };
}

function ensureLayer(map: MapLibreMap, visible: boolean, scale: number): void {
  const spec = gridCodeLayer(visible, scale);
  if (!map.getSource(GRID_CODE_LABEL_ID)) {
    map.addSource(GRID_CODE_LABEL_ID, { type: 'geojson', data: toGridCodePoints([]) });
  }
  if (!map.getLayer(GRID_CODE_LABEL_ID)) {
    map.addLayer(spec, map.getLayer(BEFORE) ? BEFORE : undefined);
    return;
  }
  for (const [name, value] of Object.entries(spec.layout ?? {})) {
    map.setLayoutProperty(GRID_CODE_LABEL_ID, name as 'text-size', value as never);
  }
  map.setLayerZoomRange(GRID_CODE_LABEL_ID, spec.minzoom ?? 0, 24);
  map.setPaintProperty(GRID_CODE_LABEL_ID, 'text-halo-width', 1.5 * scale);
}

/**
 * Writes each grid's code on the map from zoom 15, as a MapLibre label so it takes part in the
 * style's label collision (a deck.gl text layer cannot see the community names).
 */
export function useGridCodeLabels(
  map: MapLibreMap | null,
  grids: readonly GridArea[],
  visible: boolean,
  scale: number,
): void {
  useEffect(() => {
    if (map) ensureLayer(map, visible, scale);
  }, [map, visible, scale]);
  useEffect(() => {
    if (!map) return;
    ensureLayer(map, visible, scale);
    void (map.getSource(GRID_CODE_LABEL_ID) as GeoJSONSource).setData(toGridCodePoints(grids));
    // The layer's look follows the first effect; only new grids reload the points.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, grids]);
}
