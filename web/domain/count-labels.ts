import type { CountKey } from '../api/readyz';
import type { LabelPair } from './label-pair';

/** Display labels of the headline counts. */
export const COUNT_LABELS: Record<CountKey, LabelPair> = {
  grids: { zh: '网格', en: 'Grids' },
  members: { zh: '网格员', en: 'Members' },
  cameras: { zh: '摄像头', en: 'Cameras' },
  servicePoints: { zh: '服务点', en: 'Service points' },
  buildings: { zh: '建筑', en: 'Buildings' },
  roads: { zh: '道路', en: 'Roads' },
  incidents: { zh: '事件', en: 'Incidents' },
};
