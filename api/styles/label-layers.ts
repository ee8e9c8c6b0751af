import type { SymbolLayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { AdminLevel } from '../contract/codes';
import { byZoom, isValue } from './expressions';
import { LAYER_IDS, SOURCE_IDS } from '../contract/style-layer-ids';
import type { StylePalette, TextColours } from './palette';

/**
 * Font stacks for `text-font`. The styles have no `glyphs` URL, so MapLibre draws every
 * glyph itself with these local fonts (the first name's weight word sets the weight; the
 * family after it is the one fontconfig and other systems know).
 */
export const FONTS = {
  regular: ['Noto Sans CJK SC Regular', 'Noto Sans CJK SC'],
  bold: ['Noto Sans CJK SC Bold', 'Noto Sans CJK SC'],
};

interface PlaceLabel {
  id: string;
  level: AdminLevel;
  minzoom: number;
  maxzoom?: number;
  /** Text size in pixels at zooms 10 and 16 (at 1080 lines; a taller wall scales them). */
  sizes: readonly [number, number];
  font: string[];
  colours: TextColours;
}

function placeLabel(spec: PlaceLabel): SymbolLayerSpecification {
  return {
    id: spec.id,
    type: 'symbol',
    source: SOURCE_IDS.basemap,
    'source-layer': 'places',
    minzoom: spec.minzoom,
    ...(spec.maxzoom !== undefined ? { maxzoom: spec.maxzoom } : {}),
    filter: isValue('level', spec.level),
    layout: {
      'text-field': ['get', 'name'],
      'text-font': spec.font,
      'text-size': byZoom(
        [
          [10, spec.sizes[0]],
          [16, spec.sizes[1]],
        ],
        1,
      ),
      'text-max-width': 8,
      'text-padding': 4,
    },
    paint: {
      'text-color': spec.colours.text,
      'text-halo-color': spec.colours.halo,
      'text-halo-width': 1.5,
      'text-halo-blur': 0.5,
    },
  };
}

/** Road names along the lattice roads, from z15 where there is room for them (paths unnamed). */
function roadLabels(palette: StylePalette): SymbolLayerSpecification {
  return {
    id: LAYER_IDS.roadLabels,
    type: 'symbol',
    source: SOURCE_IDS.basemap,
    'source-layer': 'roads',
    minzoom: 15,
    filter: ['all', ['has', 'name'], ['!=', ['get', 'class'], 'path']],
    layout: {
      'symbol-placement': 'line',
      'text-field': ['get', 'name'],
      'text-font': FONTS.regular,
      'text-size': 15,
      'symbol-spacing': 400,
    },
    paint: {
      'text-color': palette.roadLabel.text,
      'text-halo-color': palette.roadLabel.halo,
      'text-halo-width': 1.2,
    },
  };
}

/** Road names, then community, street and district names: the most important label last (on top). */
export function buildLabelLayers(palette: StylePalette): SymbolLayerSpecification[] {
  return [
    roadLabels(palette),
    placeLabel({
      id: LAYER_IDS.communityLabels,
      level: 'community',
      minzoom: 13,
      sizes: [15, 17],
      font: FONTS.regular,
      colours: palette.communityLabel,
    }),
    placeLabel({
      id: LAYER_IDS.streetLabels,
      level: 'street',
      minzoom: 11,
      sizes: [17, 22],
      font: FONTS.bold,
      colours: palette.streetLabel,
    }),
    placeLabel({
      id: LAYER_IDS.districtLabels,
      level: 'district',
      minzoom: 0,
      maxzoom: 12,
      sizes: [20, 20],
      font: FONTS.bold,
      colours: palette.streetLabel,
    }),
  ];
}
