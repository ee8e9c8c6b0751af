import type { FilterSpecification, StyleSpecification } from 'maplibre-gl';
import type { AdminLevel } from '../../api/contract/codes';
import { MAP_COLORS } from './palette';

/** The GeoJSON source holding every admin area (district, streets, communities). */
export const ADMIN_SOURCE_ID = 'admin-areas';

/** Ids of the style's layers, bottom to top; deck.gl layers may be placed before one of them. */
export const STYLE_LAYER_IDS = {
  background: 'background',
  districtFill: 'district-fill',
  streetFill: 'street-fill',
  streetOutline: 'street-outline',
  districtOutline: 'district-outline',
} as const;

/** A filter keeping the admin areas of one level. */
function isLevel(level: AdminLevel): FilterSpecification {
  return ['==', ['get', 'level'], level];
}

/**
 * Yiping's own dark style: a background and our GeoJSON sources, nothing else.
 * No `glyphs`, no sprite and no URL, so the map needs no network beyond our own API;
 * text is drawn by deck.gl with local fonts.
 */
export function buildMapStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'yiping-dark',
    sources: {
      [ADMIN_SOURCE_ID]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      {
        id: STYLE_LAYER_IDS.background,
        type: 'background',
        paint: { 'background-color': MAP_COLORS.background },
      },
      {
        id: STYLE_LAYER_IDS.districtFill,
        type: 'fill',
        source: ADMIN_SOURCE_ID,
        filter: isLevel('district'),
        paint: { 'fill-color': MAP_COLORS.districtFill },
      },
      {
        id: STYLE_LAYER_IDS.streetFill,
        type: 'fill',
        source: ADMIN_SOURCE_ID,
        filter: isLevel('street'),
        paint: { 'fill-color': MAP_COLORS.streetFill, 'fill-opacity': 0.85 },
      },
      {
        id: STYLE_LAYER_IDS.streetOutline,
        type: 'line',
        source: ADMIN_SOURCE_ID,
        filter: isLevel('street'),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': MAP_COLORS.streetOutline, 'line-width': 1.5 },
      },
      {
        id: STYLE_LAYER_IDS.districtOutline,
        type: 'line',
        source: ADMIN_SOURCE_ID,
        filter: isLevel('district'),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': MAP_COLORS.districtOutline, 'line-width': 3 },
      },
    ],
  };
}
