import { LAYER_IDS, type StyleLayerId } from '../../api/contract/style-layer-ids';

/**
 * Style layers the web app draws itself with deck.gl (choropleth, icons, binary points), hidden
 * in the style on the wall and the planner's map so nothing is drawn twice. The style keeps the
 * basemap, boundaries and labels.
 */
export const DECK_DRAWN_STYLE_LAYERS: readonly StyleLayerId[] = [
  LAYER_IDS.gridsFill,
  LAYER_IDS.servicePoints,
  LAYER_IDS.cameras,
  LAYER_IDS.members,
  LAYER_IDS.incidentsHalo,
  LAYER_IDS.incidents,
];
