import type { IncidentCategory, IncidentSource, Severity } from '../../api/contract/codes';
import type { Random } from './random';

/**
 * The incident mix, shared by the seeded history and the live simulator: how often each category
 * occurs, where it comes from, how severe it tends to be and what reporters write. Deadlines are
 * not here: they are the workflow's (`api/domain/incidents/sla.ts`).
 */
export interface IncidentCategorySpec {
  readonly weight: number;
  readonly sources: Readonly<Partial<Record<IncidentSource, number>>>;
  readonly severities: Readonly<Partial<Record<Severity, number>>>;
  /** Incidents of this kind cluster where people live (else where shops are). */
  readonly residential: boolean;
  readonly descriptions: readonly string[];
}

const MOSTLY_MINOR = { low: 55, medium: 35, high: 9, critical: 1 };
const MOSTLY_MEDIUM = { low: 25, medium: 50, high: 20, critical: 5 };

/** Category specs, in the order of INCIDENT_CATEGORIES. */
export const INCIDENT_CATALOG: Readonly<Record<IncidentCategory, IncidentCategorySpec>> = {
  city_appearance: {
    weight: 18,
    sources: { resident_app: 3, hotline: 2, patrol: 4, video: 3, iot: 0.5 },
    severities: MOSTLY_MINOR,
    residential: false,
    descriptions: [
      '垃圾桶满溢未及时清运',
      '路面有大面积油污',
      '绿化带内堆放建筑垃圾',
      '墙面乱涂乱画',
      '道路积水',
    ],
  },
  advertising: {
    weight: 5,
    sources: { resident_app: 2, patrol: 4, video: 2, hotline: 1 },
    severities: { low: 80, medium: 18, high: 2 },
    residential: false,
    descriptions: [
      '电线杆上张贴小广告',
      '违规设置户外广告牌',
      '门头招牌破损存在坠落风险',
      '散发小广告',
    ],
  },
  construction: {
    weight: 6,
    sources: { hotline: 4, resident_app: 3, patrol: 3, video: 1 },
    severities: MOSTLY_MEDIUM,
    residential: false,
    descriptions: ['夜间施工噪音扰民', '工地渣土车未覆盖', '施工围挡破损', '道路开挖未设警示标志'],
  },
  emergency: {
    weight: 2,
    sources: { hotline: 4, iot: 2, video: 2, patrol: 2, resident_app: 1 },
    severities: { medium: 20, high: 50, critical: 30 },
    residential: true,
    descriptions: ['道路塌陷', '燃气泄漏气味', '电缆起火冒烟', '车辆故障占用车道'],
  },
  street_order: {
    weight: 14,
    sources: { video: 4, patrol: 4, resident_app: 2, hotline: 1 },
    severities: MOSTLY_MINOR,
    residential: false,
    descriptions: [
      '占道经营',
      '机动车违规停放占用盲道',
      '店外经营',
      '共享单车乱停放',
      '流动摊贩聚集',
    ],
  },
  public_facility: {
    weight: 12,
    sources: { resident_app: 4, patrol: 4, hotline: 2, iot: 2 },
    severities: MOSTLY_MINOR,
    residential: true,
    descriptions: ['路灯不亮', '井盖破损', '公共座椅损坏', '健身器材损坏', '窨井盖缺失'],
  },
  dispute: {
    weight: 8,
    sources: { hotline: 4, resident_app: 3, patrol: 3 },
    severities: MOSTLY_MEDIUM,
    residential: true,
    descriptions: [
      '邻里噪音纠纷',
      '物业费纠纷',
      '楼上漏水引发邻里矛盾',
      '停车位纠纷',
      '家庭矛盾需调解',
    ],
  },
  public_security: {
    weight: 5,
    sources: { video: 3, patrol: 3, hotline: 3, resident_app: 1 },
    severities: MOSTLY_MEDIUM,
    residential: true,
    descriptions: ['可疑人员徘徊', '电动车被盗', '夜间聚众喧哗', '出租屋人员信息未登记'],
  },
  safety_hazard: {
    weight: 10,
    sources: { iot: 3, patrol: 3, resident_app: 2, hotline: 1, video: 1 },
    severities: MOSTLY_MEDIUM,
    residential: true,
    descriptions: [
      '楼道堆放杂物',
      '消防通道被占用',
      '电动车楼道内充电',
      '飞线充电',
      '老旧电线裸露',
    ],
  },
  livelihood: {
    weight: 14,
    sources: { resident_app: 4, hotline: 4, patrol: 2 },
    severities: MOSTLY_MINOR,
    residential: true,
    descriptions: ['小区停水', '供暖温度不达标', '电梯故障', '下水道堵塞', '咨询社保办理'],
  },
  special_care: {
    weight: 4,
    sources: { iot: 4, patrol: 3, hotline: 2, resident_app: 1 },
    severities: { low: 20, medium: 45, high: 30, critical: 5 },
    residential: true,
    descriptions: ['独居老人需上门探访', '困难家庭求助', '残疾人出行需协助', '留守儿童关爱'],
  },
  urgent_help: {
    weight: 2,
    sources: { iot: 4, hotline: 4, resident_app: 2 },
    severities: { high: 60, critical: 40 },
    residential: true,
    descriptions: ['老人摔倒求助', '居民突发疾病求助', '被困电梯', '一键呼叫求助'],
  },
};

/** What IoT devices and video analytics report, used instead of a resident's words. */
export const IOT_DESCRIPTIONS: Readonly<Partial<Record<IncidentCategory, readonly string[]>>> = {
  city_appearance: ['智能垃圾桶满溢告警'],
  emergency: ['燃气浓度超限告警', '烟感报警'],
  public_facility: ['智能井盖位移告警', '智能井盖倾斜告警'],
  safety_hazard: ['电动车楼道充电告警', '烟感报警', '高空抛物预警'],
  special_care: ['独居老人智能水表24小时无用水', '独居老人智能水表用水异常'],
  urgent_help: ['一键呼叫报警', '健康手环SOS求助', '健康手环心率异常'],
};

/** How each channel words a report before the reporter's own words (IoT uses its alarm text). */
export const SOURCE_PREFIXES: Readonly<Record<Exclude<IncidentSource, 'iot'>, string>> = {
  resident_app: '',
  hotline: '12345热线：市民来电反映',
  patrol: '网格员巡查发现：',
  video: '视频AI识别：',
};

/** What a report of `category` from `source` says: the catalogue's words, as the channel puts them. */
export function describeReport(
  rng: Pick<Random, 'pick'>,
  category: IncidentCategory,
  source: IncidentSource,
): string {
  const words = rng.pick(INCIDENT_CATALOG[category].descriptions);
  if (source === 'iot') return rng.pick(IOT_DESCRIPTIONS[category] ?? [`物联感知：${words}`]);
  return SOURCE_PREFIXES[source] + words;
}

/** Relative number of reports per local hour of the day (quiet nights, busy mornings). */
export const HOURLY_WEIGHTS = [
  0.2, 0.12, 0.1, 0.1, 0.15, 0.3, 0.8, 1.6, 2.6, 3.2, 3, 2.5, 1.8, 2, 2.8, 3, 2.8, 2.4, 1.8, 1.4,
  1.1, 0.8, 0.5, 0.3,
];

/** Relative number of reports per local weekday, Sunday first. */
export const WEEKDAY_WEIGHTS = [0.75, 1.1, 1.05, 1.05, 1.05, 1.0, 0.8];
