import type { ServiceCategory } from '../../api/contract/codes';
import type { LabelPair } from './label-pair';

/** The map layers an operator can switch on and off, bottom to top. */
export const WALL_LAYER_KEYS = [
  'grids',
  'cameras',
  'servicePoints',
  'incidents',
  'members',
] as const;
export type WallLayerKey = (typeof WALL_LAYER_KEYS)[number];

/** Names of the layers, for the layer panel. */
export const WALL_LAYER_LABELS: Record<WallLayerKey, LabelPair> = {
  grids: { zh: '网格', en: 'Grids' },
  cameras: { zh: '视频监控', en: 'Cameras' },
  servicePoints: { zh: '便民服务点', en: 'Service points' },
  incidents: { zh: '事件', en: 'Incidents' },
  members: { zh: '网格员', en: 'Grid members' },
};

/** Every layer shown: the wall starts with the whole picture. */
export const DEFAULT_VISIBILITY: Readonly<Record<WallLayerKey, boolean>> = {
  grids: true,
  cameras: true,
  servicePoints: true,
  incidents: true,
  members: true,
};

/**
 * The wall's walking-reach layer (步行可达范围): off at start, and when on, the buildings coloured
 * by walking distance to the nearest facility of one category at its circle's distance.
 */
export interface WalkingReach {
  on: boolean;
  category: ServiceCategory;
}

export const DEFAULT_WALKING_REACH: Readonly<WalkingReach> = {
  on: false,
  category: 'elderly_care',
};

/** Name of the walking-reach layer. */
export const WALKING_REACH_LABEL: LabelPair = { zh: '步行可达范围', en: 'Walking reach' };
