import type { UserRole } from '../../api/contract/codes';
import type { LabelPair } from './label-pair';

/** Display names of the roles, Chinese first. */
export const ROLE_LABELS: Record<UserRole, LabelPair> = {
  admin: { zh: '管理员', en: 'Admin' },
  commander: { zh: '指挥长', en: 'Commander' },
  operator: { zh: '值班员', en: 'Operator' },
  grid_member: { zh: '网格员', en: 'Grid member' },
  planner: { zh: '规划人员', en: 'Planner' },
  display: { zh: '大屏', en: 'Display' },
  api_consumer: { zh: '接口用户', en: 'API consumer' },
};
