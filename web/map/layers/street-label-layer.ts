import { TextLayer } from '@deck.gl/layers';
import type { AreaLabel } from '../../domain/admin-areas';
import { LABEL_FONT_FAMILY, MAP_COLORS } from '../palette';

/** Stable id of the street name layer. */
export const STREET_LABEL_LAYER_ID = 'street-labels';

/** View state of the street name layer. */
export interface StreetLabelState {
  visible: boolean;
}

/**
 * Street (街道) names. deck.gl builds its glyph atlas from local fonts (`characterSet: 'auto'`
 * collects the CJK characters in use), so no glyph server is needed.
 */
export function buildStreetLabelLayer(
  labels: readonly AreaLabel[],
  state: StreetLabelState,
): TextLayer<AreaLabel> {
  return new TextLayer<AreaLabel>({
    id: STREET_LABEL_LAYER_ID,
    data: labels as AreaLabel[],
    visible: state.visible,
    characterSet: 'auto',
    fontFamily: LABEL_FONT_FAMILY,
    fontWeight: 500,
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    outlineWidth: 4,
    outlineColor: MAP_COLORS.labelHalo,
    getPosition: (label) => label.position,
    getText: (label) => label.name,
    getColor: MAP_COLORS.label,
    getSize: 16,
    sizeUnits: 'pixels',
  });
}
