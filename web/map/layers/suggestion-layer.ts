import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { SiteSuggestion } from '../../../api/contract/analysis';
import type { Rgba } from '../../domain/map-colours';

/** Stable ids of the numbered site-suggestion markers. */
export const SUGGESTION_LAYER_ID = 'deck-site-suggestions';
export const SUGGESTION_LABEL_LAYER_ID = 'deck-site-suggestion-ranks';

/** Marker colours: white discs ringed in magenta, ranks written in the ring's colour. */
export const SUGGESTION_COLOURS = {
  fill: [255, 255, 255, 240] as Rgba,
  ring: [190, 24, 93, 255] as Rgba,
};

/**
 * Suggested sites as numbered markers (1 = the largest gain), on top of every other layer.
 * Picking the disc gives the {@link SiteSuggestion}.
 */
export function buildSuggestionLayers(
  suggestions: readonly SiteSuggestion[],
  state: { visible: boolean },
): Layer[] {
  const data = suggestions as SiteSuggestion[];
  const position = (s: SiteSuggestion): [number, number] => [s.lng, s.lat];
  return [
    new ScatterplotLayer<SiteSuggestion>({
      id: SUGGESTION_LAYER_ID,
      data,
      visible: state.visible,
      pickable: true,
      stroked: true,
      getPosition: position,
      getFillColor: SUGGESTION_COLOURS.fill,
      getLineColor: SUGGESTION_COLOURS.ring,
      getRadius: 11,
      radiusUnits: 'pixels',
      getLineWidth: 2.5,
      lineWidthUnits: 'pixels',
    }),
    new TextLayer<SiteSuggestion>({
      id: SUGGESTION_LABEL_LAYER_ID,
      data,
      visible: state.visible,
      getPosition: position,
      getText: (s) => String(s.rank),
      getColor: SUGGESTION_COLOURS.ring,
      getSize: 13,
      sizeUnits: 'pixels',
      fontFamily: 'Noto Sans CJK SC, sans-serif',
      fontWeight: 700,
      characterSet: '0123456789',
    }),
  ];
}
