import type { IncidentCategory, IncidentSource, Severity } from '../../api/contract/codes';

/** How one category of incident is reported: by whom, how severe, in whose words. */
export interface ReportSpec {
  readonly weight: number;
  readonly sources: Readonly<Partial<Record<SimulatedSource, number>>>;
  readonly severities: Readonly<Partial<Record<Severity, number>>>;
  readonly descriptions: readonly string[];
}

/** People report; IoT alarms come through their own façade (`POST /api/v1/iot/alarms`). */
export type SimulatedSource = Exclude<IncidentSource, 'iot'>;

const MOSTLY_MINOR = { low: 55, medium: 35, high: 9, critical: 1 };
const MOSTLY_MEDIUM = { low: 25, medium: 50, high: 20, critical: 5 };

/**
 * What residents, patrols, the 12345 hotline and video patrols report, in the shares of a
 * city's grid-management statistics (city appearance and street order lead, urgent calls are
 * rare). The seeded history follows the same mix (`data/district/incident-catalog.ts`, which
 * `api/` may not import).
 */
export const REPORT_CATALOG: Readonly<Record<IncidentCategory, ReportSpec>> = {
  city_appearance: {
    weight: 18,
    sources: { resident_app: 3, hotline: 2, patrol: 4, video: 3 },
    severities: MOSTLY_MINOR,
    descriptions: [
      '垃圾桶满溢未及时清运',
      '路面有大面积油污',
      '绿化带内堆放建筑垃圾',
      '墙面乱涂乱画',
    ],
  },
  advertising: {
    weight: 5,
    sources: { resident_app: 2, patrol: 4, video: 2, hotline: 1 },
    severities: { low: 80, medium: 18, high: 2 },
    descriptions: ['电线杆上张贴小广告', '违规设置户外广告牌', '门头招牌破损存在坠落风险'],
  },
  construction: {
    weight: 6,
    sources: { hotline: 4, resident_app: 3, patrol: 3, video: 1 },
    severities: MOSTLY_MEDIUM,
    descriptions: ['夜间施工噪音扰民', '工地渣土车未覆盖', '施工围挡破损', '道路开挖未设警示标志'],
  },
  emergency: {
    weight: 2,
    sources: { hotline: 4, video: 2, patrol: 2, resident_app: 1 },
    severities: { medium: 20, high: 50, critical: 30 },
    descriptions: ['道路塌陷', '燃气泄漏气味', '电缆起火冒烟', '车辆故障占用车道'],
  },
  street_order: {
    weight: 14,
    sources: { video: 4, patrol: 4, resident_app: 2, hotline: 1 },
    severities: MOSTLY_MINOR,
    descriptions: ['占道经营', '机动车违规停放占用盲道', '共享单车乱停放', '流动摊贩聚集'],
  },
  public_facility: {
    weight: 12,
    sources: { resident_app: 4, patrol: 4, hotline: 2 },
    severities: MOSTLY_MINOR,
    descriptions: ['路灯不亮', '井盖破损', '公共座椅损坏', '健身器材损坏'],
  },
  dispute: {
    weight: 8,
    sources: { hotline: 4, resident_app: 3, patrol: 3 },
    severities: MOSTLY_MEDIUM,
    descriptions: ['邻里噪音纠纷', '物业费纠纷', '楼上漏水引发邻里矛盾', '停车位纠纷'],
  },
  public_security: {
    weight: 5,
    sources: { video: 3, patrol: 3, hotline: 3, resident_app: 1 },
    severities: MOSTLY_MEDIUM,
    descriptions: ['可疑人员徘徊', '电动车被盗', '夜间聚众喧哗', '出租屋人员信息未登记'],
  },
  safety_hazard: {
    weight: 10,
    sources: { patrol: 3, resident_app: 2, hotline: 1, video: 1 },
    severities: MOSTLY_MEDIUM,
    descriptions: ['楼道堆放杂物', '消防通道被占用', '电动车楼道内充电', '飞线充电'],
  },
  livelihood: {
    weight: 14,
    sources: { resident_app: 4, hotline: 4, patrol: 2 },
    severities: MOSTLY_MINOR,
    descriptions: ['小区停水', '供暖温度不达标', '电梯故障', '下水道堵塞'],
  },
  special_care: {
    weight: 4,
    sources: { patrol: 3, hotline: 2, resident_app: 1 },
    severities: { low: 20, medium: 45, high: 30, critical: 5 },
    descriptions: ['独居老人需上门探访', '困难家庭求助', '残疾人出行需协助', '留守儿童关爱'],
  },
  urgent_help: {
    weight: 2,
    sources: { hotline: 4, resident_app: 2 },
    severities: { high: 60, critical: 40 },
    descriptions: ['老人摔倒求助', '居民突发疾病求助', '被困电梯'],
  },
};

/** How each channel words a report before the reporter's own words. */
export const SOURCE_PREFIXES: Readonly<Record<SimulatedSource, string>> = {
  resident_app: '',
  hotline: '12345热线：市民来电反映',
  patrol: '网格员巡查发现：',
  video: '视频巡查发现：',
};
