import type {
  BackgroundLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LayerSpecification,
  LineLayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { ROAD_CLASSES, type RoadClass } from '../contract/codes';
import { PATHS_MIN_ZOOM } from '../domain/tile-basemap';
import { byProperty, byZoom, isValue } from './expressions';
import { LAYER_IDS, SOURCE_IDS } from '../contract/style-layer-ids';
import type { StylePalette } from './palette';

const basemap = SOURCE_IDS.basemap;

/** The basemap tiles carry buildings from this zoom on. */
const BUILDINGS_MIN_ZOOM = 14;

/** Zooms at which road widths are given; widths interpolate exponentially between them. */
const ROAD_ZOOMS = [10, 13, 15, 18] as const;

/**
 * Road widths in pixels at `ROAD_ZOOMS`, and the zoom each class appears from. Compound lanes
 * and footpaths are thin and start at street zoom, where the tiles start to carry them.
 */
const ROADS: Record<RoadClass, { minzoom: number; widths: readonly number[] }> = {
  // Main roads read at district zoom (10–12), above the grid choropleth and incident density.
  arterial: { minzoom: 8, widths: [2.4, 4, 7, 22] },
  street: { minzoom: 10, widths: [1, 1.8, 4, 14] },
  alley: { minzoom: 12, widths: [0.3, 0.8, 2, 7] },
  path: { minzoom: PATHS_MIN_ZOOM, widths: [0.2, 0.4, 1, 3.5] },
};

/** The casing is this many pixels wider than its road at every zoom. */
const CASING_PX = 2;

/** Background and the district's land: the ground everything else stands on. */
export function buildGroundLayers(palette: StylePalette): LayerSpecification[] {
  const background: BackgroundLayerSpecification = {
    id: LAYER_IDS.background,
    type: 'background',
    paint: { 'background-color': palette.background },
  };
  const land: FillLayerSpecification = {
    id: LAYER_IDS.land,
    type: 'fill',
    source: basemap,
    'source-layer': 'boundaries',
    filter: isValue('level', 'district'),
    paint: { 'fill-color': palette.land },
  };
  return [background, land];
}

/**
 * Rivers and lakes, over the grid fills and buildings and under the roads: the river stays
 * visible through the wall's choropleth (drawn just beneath this layer).
 */
export function buildWaterLayer(palette: StylePalette): FillLayerSpecification {
  return {
    id: LAYER_IDS.water,
    type: 'fill',
    source: basemap,
    'source-layer': 'water',
    paint: { 'fill-color': palette.water, 'fill-outline-color': palette.waterOutline },
  };
}

/**
 * The banks of rivers and lakes, drawn over the boundary lines: a street boundary often runs
 * down a river, and its glow would otherwise hide the river at district zoom.
 */
export function buildWaterEdgeLayer(palette: StylePalette): LineLayerSpecification {
  return {
    id: LAYER_IDS.waterEdge,
    type: 'line',
    source: basemap,
    'source-layer': 'water',
    paint: {
      'line-color': palette.waterOutline,
      'line-width': byZoom(
        [
          [10, 1.2],
          [16, 2],
        ],
        1,
      ),
    },
  };
}

/** Building footprints, shaded by floor count; the basemap carries them from z14. */
export function buildBuildingLayer(palette: StylePalette): FillLayerSpecification {
  return {
    id: LAYER_IDS.buildings,
    type: 'fill',
    source: basemap,
    'source-layer': 'buildings',
    minzoom: BUILDINGS_MIN_ZOOM,
    paint: {
      'fill-color': [
        'interpolate',
        ['linear'],
        ['coalesce', ['get', 'floors'], 1],
        1,
        palette.buildingLow,
        30,
        palette.buildingHigh,
      ],
      'fill-outline-color': palette.buildingOutline,
      'fill-opacity': byZoom(
        [
          [14, 0.6],
          [16, 1],
        ],
        1,
      ),
    },
  };
}

/** Width of one class of road by zoom, plus `extra` pixels (for casings). */
function roadWidth(roadClass: RoadClass, extra = 0): ExpressionSpecification {
  return byZoom(ROAD_ZOOMS.map((z, i) => [z, (ROADS[roadClass].widths[i] ?? 0) + extra] as const));
}

/** Width by zoom for any class, read from each feature's `class` (bridges mix classes). */
function anyRoadWidth(extra = 0): ExpressionSpecification {
  const atZoom = (i: number) =>
    byProperty(
      'class',
      {
        arterial: (ROADS.arterial.widths[i] ?? 0) + extra,
        street: (ROADS.street.widths[i] ?? 0) + extra,
      },
      (ROADS.alley.widths[i] ?? 0) + extra,
    );
  return [
    'interpolate',
    ['exponential', 1.5],
    ['zoom'],
    ...ROAD_ZOOMS.flatMap((z, i) => [z, atZoom(i)]),
  ] as unknown as ExpressionSpecification;
}

function roadLine(
  id: string,
  roadClass: RoadClass,
  paint: LineLayerSpecification['paint'],
): LineLayerSpecification {
  return {
    id,
    type: 'line',
    source: basemap,
    'source-layer': 'roads',
    minzoom: ROADS[roadClass].minzoom,
    filter: isValue('class', roadClass),
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint,
  };
}

/**
 * Roads by class, minor under major: all casings first, then all fills, so crossings join
 * cleanly. Bridges are drawn again on top with a darker casing, so they read over water.
 */
export function buildRoadLayers(palette: StylePalette): LineLayerSpecification[] {
  const minorFirst = [...ROAD_CLASSES].reverse();
  const casings = minorFirst.map((cls) =>
    roadLine(LAYER_IDS.roadsCasing[cls], cls, {
      'line-color': palette.roads[cls].casing,
      'line-width': roadWidth(cls, CASING_PX),
    }),
  );
  const fills = minorFirst.map((cls) =>
    roadLine(LAYER_IDS.roads[cls], cls, {
      'line-color': palette.roads[cls].fill,
      'line-width': roadWidth(cls),
    }),
  );
  return [...casings, ...fills, ...buildBridgeLayers(palette)];
}

function buildBridgeLayers(palette: StylePalette): LineLayerSpecification[] {
  const base = {
    type: 'line',
    source: basemap,
    'source-layer': 'roads',
    minzoom: ROADS.street.minzoom,
    filter: isValue('bridge', true),
    layout: { 'line-join': 'miter', 'line-cap': 'butt' },
  } as const;
  const fill = byProperty(
    'class',
    { arterial: palette.roads.arterial.fill, street: palette.roads.street.fill },
    palette.roads.alley.fill,
  );
  return [
    {
      ...base,
      id: LAYER_IDS.bridgesCasing,
      paint: { 'line-color': palette.bridgeCasing, 'line-width': anyRoadWidth(2 * CASING_PX) },
    },
    { ...base, id: LAYER_IDS.bridges, paint: { 'line-color': fill, 'line-width': anyRoadWidth() } },
  ];
}
