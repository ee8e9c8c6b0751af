import type { LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  buildBuildingLayer,
  buildGroundLayers,
  buildRoadLayers,
  buildWaterEdgeLayer,
  buildWaterLayer,
} from './basemap-layers';
import { buildBoundaryLayers } from './boundary-layers';
import {
  buildCameraLayer,
  buildGridFillLayer,
  buildGridLineLayer,
  buildIncidentLayers,
  buildMemberLayer,
  buildServicePointLayer,
} from './collection-layers';
import { buildLabelLayers } from './label-layers';
import { LAYER_IDS } from '../contract/style-layer-ids';
import type { CustomBasemap } from '../config-basemap';
import { composeCustomStyle } from './custom-style';
import { DARK_PALETTE, LIGHT_PALETTE, type StylePalette } from './palette';
import { buildVectorSources } from './sources';
import {
  buildTiandituAnnotationLayer,
  buildTiandituBaseLayer,
  buildTiandituSources,
} from './tianditu';

/** What a style depends on besides its look. */
export interface StyleContext {
  /** Scheme, host and port every URL of the style starts with, e.g. `http://127.0.0.1:8787`. */
  origin: string;
  /** Whether the caller may read incidents; if not, their source and layers are left out. */
  withIncidents: boolean;
}

/** Our points, bottom to top: facilities, cameras, people, then what needs attention now. */
function pointLayers(palette: StylePalette, withIncidents: boolean): LayerSpecification[] {
  return [
    buildServicePointLayer(palette),
    buildCameraLayer(palette),
    buildMemberLayer(palette),
    ...(withIncidents ? buildIncidentLayers(palette) : []),
  ];
}

function style(
  id: string,
  name: string,
  sources: StyleSpecification['sources'],
  layers: LayerSpecification[],
): StyleSpecification {
  // No `glyphs` and no `sprite`: labels use local fonts, points are circles.
  const metadata = { 'yiping:style': id, 'yiping:crs': 'wgs84' };
  return { version: 8, name, metadata, sources, layers };
}

/** A style drawn entirely from our own tiles: basemap, grids, points and labels. */
function buildOwnStyle(
  id: string,
  name: string,
  palette: StylePalette,
  { origin, withIncidents }: StyleContext,
) {
  return style(id, name, buildVectorSources(origin, withIncidents), [
    ...buildGroundLayers(palette),
    buildGridFillLayer(palette),
    buildBuildingLayer(palette),
    buildWaterLayer(palette),
    ...buildRoadLayers(palette),
    buildGridLineLayer(palette),
    ...buildBoundaryLayers(palette),
    buildWaterEdgeLayer(palette),
    ...pointLayers(palette, withIncidents),
    ...buildLabelLayers(palette),
  ]);
}

/** The wall-screen style (指挥大屏): dark navy, glowing boundaries. */
export function buildDarkStyle(context: StyleContext): StyleSpecification {
  return buildOwnStyle('dark', '一屏 暗色 Yiping dark', DARK_PALETTE, context);
}

/** The planner's style (规划): a light paper map. */
export function buildLightStyle(context: StyleContext): StyleSpecification {
  return buildOwnStyle('light', '一屏 浅色 Yiping light', LIGHT_PALETTE, context);
}

/**
 * Our grids, boundaries and points over Tianditu's raster map and annotation, in the light
 * palette. The only style that loads anything from the internet, and only when configured.
 */
export function buildTiandituStyle(token: string, context: StyleContext): StyleSpecification {
  const palette = LIGHT_PALETTE;
  const sources = {
    ...buildTiandituSources(token),
    ...buildVectorSources(context.origin, context.withIncidents),
  };
  const ground = buildGroundLayers(palette).filter((layer) => layer.id === LAYER_IDS.background);
  const labels = buildLabelLayers(palette).filter((layer) => layer.id !== LAYER_IDS.roadLabels);
  return style('tianditu', '一屏 天地图 Yiping on Tianditu', sources, [
    ...ground,
    buildTiandituBaseLayer(),
    buildGridFillLayer(palette),
    buildGridLineLayer(palette),
    ...buildBoundaryLayers(palette),
    buildTiandituAnnotationLayer(),
    ...pointLayers(palette, context.withIncidents),
    ...labels,
  ]);
}

/**
 * Our grids, boundaries, points and (when the external style brings no glyphs of its own, which
 * our local-font labels would be asked from) place names over any MapLibre style. Over a GCJ-02
 * basemap our tiles are requested shifted to GCJ-02.
 */
export function buildCustomStyle(
  external: StyleSpecification,
  basemap: CustomBasemap,
  context: StyleContext,
): StyleSpecification {
  const palette = LIGHT_PALETTE;
  const labels = external.glyphs
    ? []
    : buildLabelLayers(palette).filter((layer) => layer.id !== LAYER_IDS.roadLabels);
  return composeCustomStyle(external, basemap, {
    sources: buildVectorSources(context.origin, context.withIncidents, basemap.crs),
    layers: [
      buildGridFillLayer(palette),
      buildGridLineLayer(palette),
      ...buildBoundaryLayers(palette),
      ...pointLayers(palette, context.withIncidents),
      ...labels,
    ],
  });
}
