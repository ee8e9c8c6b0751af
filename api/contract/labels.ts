import type { IncidentCategory } from './codes';

/**
 * Display names shared by the API and the web app. A code list that both sides show to people
 * gets its names here, once: the Open311 service list and the wall both name incident
 * categories from {@link INCIDENT_CATEGORY_LABELS}. (Life-circle categories and circles live in
 * `life-circle.ts`; labels only the web shows stay in `web/domain`.)
 */

/** A label pair: Chinese first (the operators' language), English beneath or after. */
export interface LabelPair {
  zh: string;
  en: string;
}

/** Incident categories, as residents, Open311 clients and the wall see them. */
export const INCIDENT_CATEGORY_LABELS: Readonly<Record<IncidentCategory, LabelPair>> = {
  city_appearance: { zh: '市容环境', en: 'City appearance' },
  advertising: { zh: '宣传广告', en: 'Advertising' },
  construction: { zh: '施工管理', en: 'Construction' },
  emergency: { zh: '突发事件', en: 'Emergency' },
  street_order: { zh: '街面秩序', en: 'Street order' },
  public_facility: { zh: '公共设施', en: 'Public facilities' },
  dispute: { zh: '矛盾纠纷', en: 'Disputes' },
  public_security: { zh: '治安隐患', en: 'Public security' },
  safety_hazard: { zh: '安全隐患', en: 'Safety hazards' },
  livelihood: { zh: '民生诉求', en: 'Livelihood' },
  special_care: { zh: '特殊人群关爱', en: 'Special care' },
  urgent_help: { zh: '紧急求助', en: 'Urgent help' },
};
