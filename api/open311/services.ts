import { INCIDENT_CATEGORIES, type IncidentCategory } from '../contract/codes';
import { INCIDENT_CATEGORY_LABELS } from '../contract/labels';

/**
 * The Open311 service list: one service per incident category (`service_code` = category), with
 * the Chinese name residents see (the contract's category label), an English title and
 * description for integrators, keywords and the group (GB/T 30428 city-management classes or the
 * grid system's governance classes).
 */
export interface ServiceSpec {
  /** The category's Chinese label (api/contract/labels.ts). */
  readonly name: string;
  readonly en: string;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly group: 'city_management' | 'social_governance' | 'emergency';
}

const SERVICE_DETAILS: Readonly<Record<IncidentCategory, Omit<ServiceSpec, 'name'>>> = {
  city_appearance: {
    en: 'City appearance and environment',
    description:
      '垃圾、积水、乱涂乱画、绿化破坏等。Rubbish, standing water, graffiti, damaged greenery.',
    keywords: ['垃圾', '积水', '涂鸦', 'rubbish', 'graffiti', 'sanitation'],
    group: 'city_management',
  },
  advertising: {
    en: 'Advertising and signs',
    description:
      '小广告、违规广告牌、破损招牌。Illegal posters and billboards, damaged shop signs.',
    keywords: ['小广告', '广告牌', '招牌', 'poster', 'billboard', 'sign'],
    group: 'city_management',
  },
  construction: {
    en: 'Construction sites',
    description:
      '施工噪音、渣土、围挡、道路开挖。Construction noise, uncovered spoil, hoardings, road works.',
    keywords: ['施工', '噪音', '渣土', 'construction', 'noise', 'road works'],
    group: 'city_management',
  },
  emergency: {
    en: 'Emergencies',
    description:
      '道路塌陷、燃气泄漏、火情等突发事件。Road collapse, gas leak, fire and other emergencies.',
    keywords: ['塌陷', '燃气', '火情', 'collapse', 'gas leak', 'fire'],
    group: 'emergency',
  },
  street_order: {
    en: 'Street order',
    description: '占道经营、乱停车、流动摊贩。Street vending, illegal parking, blocked pavements.',
    keywords: ['占道经营', '乱停车', '摊贩', 'vendor', 'parking', 'pavement'],
    group: 'city_management',
  },
  public_facility: {
    en: 'Public facilities',
    description:
      '井盖、路灯、护栏、健身器材等损坏。Damaged manhole covers, street lights, railings, fitness equipment.',
    keywords: ['井盖', '路灯', '护栏', 'manhole', 'street light', 'railing'],
    group: 'city_management',
  },
  dispute: {
    en: 'Disputes',
    description:
      '邻里、物业、劳资等矛盾纠纷。Disputes between neighbours, with property managers or employers.',
    keywords: ['纠纷', '邻里', '物业', 'dispute', 'neighbour', 'mediation'],
    group: 'social_governance',
  },
  public_security: {
    en: 'Public-security risks',
    description:
      '可疑人员、盗窃、聚集等治安隐患。Suspicious people, theft, crowds and other security risks.',
    keywords: ['治安', '盗窃', '可疑', 'security', 'theft', 'suspicious'],
    group: 'social_governance',
  },
  safety_hazard: {
    en: 'Safety hazards',
    description:
      '消防通道堵塞、楼道充电、高空坠物等隐患。Blocked fire lanes, corridor charging, objects falling from height.',
    keywords: ['消防通道', '充电', '坠物', 'fire lane', 'e-bike charging', 'hazard'],
    group: 'social_governance',
  },
  livelihood: {
    en: 'Livelihood requests',
    description:
      '供水、供暖、物业服务等民生诉求。Water, heating, property services and other everyday needs.',
    keywords: ['供水', '供暖', '物业', 'water', 'heating', 'services'],
    group: 'social_governance',
  },
  special_care: {
    en: 'Care for vulnerable people',
    description:
      '独居老人、困境儿童、残疾人等需关爱探访。Visits to lone elderly people, children in difficulty, people with disabilities.',
    keywords: ['独居老人', '关爱', '探访', 'elderly', 'care', 'home visit'],
    group: 'social_governance',
  },
  urgent_help: {
    en: 'Urgent help',
    description:
      '需立即上门的紧急求助（危及生命请拨打 110/120/119）。Urgent calls for help; in danger of life call 110/120/119.',
    keywords: ['求助', '紧急', 'SOS', 'help', 'urgent'],
    group: 'emergency',
  },
};

/** Every service, named by the contract's category labels. */
export const SERVICE_CATALOG: Readonly<Record<IncidentCategory, ServiceSpec>> = Object.fromEntries(
  INCIDENT_CATEGORIES.map((code) => [
    code,
    { name: INCIDENT_CATEGORY_LABELS[code].zh, ...SERVICE_DETAILS[code] },
  ]),
) as Record<IncidentCategory, ServiceSpec>;

/** True when `code` is one of our service codes. */
export function isServiceCode(code: string): code is IncidentCategory {
  return (INCIDENT_CATEGORIES as readonly string[]).includes(code);
}

/** GET services: one entry per category, fields in the specification's order. */
export function serviceList() {
  return INCIDENT_CATEGORIES.map((code) => {
    const spec = SERVICE_CATALOG[code];
    return {
      service_code: code,
      service_name: spec.name,
      description: `${spec.en}. ${spec.description}`,
      metadata: false,
      type: 'realtime' as const,
      keywords: spec.keywords.join(', '),
      group: spec.group,
    };
  });
}

/** GET a service definition: no extra attributes are needed for any of our services. */
export function serviceDefinition(code: IncidentCategory) {
  return { service_code: code, attributes: [] as never[] };
}

/** When the service list or definitions last changed (Service Discovery `changeset`). */
export const SERVICES_CHANGESET = '2026-06-01T00:00:00Z';

/** The Service Discovery document for the endpoint at `url` (…/open311/v2). */
export function discoveryDocument(url: string) {
  return {
    changeset: SERVICES_CHANGESET,
    contact: '区城市运行指挥中心 District command center: ask your Yiping administrator.',
    key_service:
      '向管理员申请 API 密钥（npm run key -- create …）。Ask an administrator for an API key (POST /api/v1/api-keys).',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url,
        changeset: SERVICES_CHANGESET,
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}
