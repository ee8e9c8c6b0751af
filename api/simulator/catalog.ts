import type { IncidentCategory, IncidentSource, Severity } from '../contract/codes';

/**
 * What residents, patrols, hotlines and cameras report in a district, roughly in the shares of
 * a city's grid-management statistics: city appearance and street order lead, urgent calls are
 * rare. Descriptions are what a reporter would type.
 */
export const CATEGORY_WEIGHTS: Readonly<Record<IncidentCategory, number>> = {
  city_appearance: 18,
  street_order: 14,
  livelihood: 14,
  safety_hazard: 12,
  public_facility: 10,
  dispute: 8,
  construction: 6,
  advertising: 5,
  special_care: 5,
  public_security: 4,
  emergency: 2,
  urgent_help: 2,
};

export const SOURCE_WEIGHTS: Readonly<Record<Exclude<IncidentSource, 'iot'>, number>> = {
  patrol: 45,
  resident_app: 30,
  hotline: 18,
  video: 7,
};

export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  low: 30,
  medium: 50,
  high: 16,
  critical: 4,
};

export const DESCRIPTIONS: Readonly<Record<IncidentCategory, readonly string[]>> = {
  city_appearance: ['路边垃圾堆放未清运', '绿化带内有大量杂物', '墙面乱涂乱画'],
  street_order: ['占道经营影响通行', '车辆乱停挡住消防通道', '店外占道堆放货物'],
  livelihood: ['小区停水无人通知', '楼道灯损坏多日', '供暖温度不达标'],
  safety_hazard: ['楼道内电动车充电', '井盖松动有安全隐患', '高空悬挂物有坠落风险'],
  public_facility: ['路灯不亮', '健身器材损坏', '公交站牌倾斜'],
  dispute: ['邻里噪音纠纷', '物业费用纠纷', '停车位归属纠纷'],
  construction: ['夜间施工噪音扰民', '工地扬尘未覆盖', '渣土车遗撒'],
  advertising: ['违规设置户外广告牌', '小广告张贴', '横幅未经审批'],
  special_care: ['独居老人多日未出门', '困难家庭需要帮扶', '残疾人出行需要协助'],
  public_security: ['可疑人员徘徊', '夜间有人聚集饮酒', '车辆被划'],
  emergency: ['居民楼冒烟', '燃气泄漏异味', '道路积水严重'],
  urgent_help: ['老人摔倒需要帮助', '儿童走失', '居民突发疾病求助'],
};
