import type { LineLayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { AdminLevel } from '../contract/codes';
import { byZoom, isValue } from './expressions';
import { LAYER_IDS, SOURCE_IDS } from '../contract/style-layer-ids';
import type { BoundaryColours, StylePalette } from './palette';

interface BoundaryLine {
  level: AdminLevel;
  lineId: string;
  glowId?: string;
  colours: BoundaryColours;
  /** Core width in pixels at zooms 10 and 16. */
  widths: readonly [number, number];
  minzoom: number;
  dash?: number[];
}

function line(
  id: string,
  level: AdminLevel,
  minzoom: number,
  paint: LineLayerSpecification['paint'],
): LineLayerSpecification {
  return {
    id,
    type: 'line',
    source: SOURCE_IDS.basemap,
    'source-layer': 'boundaries',
    minzoom,
    filter: isValue('level', level),
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint,
  };
}

/** A boundary's glow (when its palette has one) and its core line. */
function boundaryLayers(spec: BoundaryLine): LineLayerSpecification[] {
  const [low, high] = spec.widths;
  const core = line(spec.lineId, spec.level, spec.minzoom, {
    'line-color': spec.colours.line,
    'line-width': byZoom(
      [
        [10, low],
        [16, high],
      ],
      1,
    ),
    ...(spec.dash?.length ? { 'line-dasharray': spec.dash } : {}),
  });
  if (!spec.glowId || spec.colours.glowOpacity <= 0) return [core];
  const glow = line(spec.glowId, spec.level, spec.minzoom, {
    'line-color': spec.colours.glow,
    'line-opacity': spec.colours.glowOpacity,
    'line-width': byZoom(
      [
        [10, low * 4],
        [16, high * 5],
      ],
      1,
    ),
    'line-blur': byZoom(
      [
        [10, low * 3],
        [16, high * 4],
      ],
      1,
    ),
  });
  return [glow, core];
}

/**
 * Community, street and district boundaries, finest first so coarser ones draw over them.
 * On the dark style they glow: a wide blurred line under a sharp one.
 */
export function buildBoundaryLayers(palette: StylePalette): LineLayerSpecification[] {
  return [
    ...boundaryLayers({
      level: 'community',
      lineId: LAYER_IDS.communityLine,
      colours: palette.community,
      widths: [0.6, 1.4],
      minzoom: 11,
      dash: palette.communityDash,
    }),
    ...boundaryLayers({
      level: 'street',
      lineId: LAYER_IDS.streetLine,
      glowId: LAYER_IDS.streetGlow,
      colours: palette.street,
      widths: [1.2, 2],
      minzoom: 0,
    }),
    ...boundaryLayers({
      level: 'district',
      lineId: LAYER_IDS.districtLine,
      glowId: LAYER_IDS.districtGlow,
      colours: palette.district,
      widths: [2, 3],
      minzoom: 0,
    }),
  ];
}
