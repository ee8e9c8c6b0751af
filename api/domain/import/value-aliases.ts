import type {
  AdminLevel,
  CameraKind,
  CameraStatus,
  CommunityKind,
  GridKind,
  MemberRole,
  RoadClass,
  ServiceCategory,
} from '../../contract/codes';
import { SERVICE_CATEGORY_LABELS } from '../../contract/life-circle';

/**
 * The words a district's own files use for our codes, beyond the code itself. Keyed by the
 * contract's code types, so a code added to a list in api/contract/codes.ts fails to compile
 * here until it has its words. Service categories reuse the contract's display names.
 */
export type Spellings<Code extends string> = Readonly<Record<Code, readonly string[]>>;

export const ADMIN_LEVEL_WORDS: Spellings<AdminLevel> = {
  district: ['区', '县', '区县', '市辖区', '县级'],
  street: ['街道', '镇', '乡', '乡镇', '街道办', 'town', 'township'],
  community: ['社区', '村', '居委会', '村委会', 'village'],
};

export const COMMUNITY_KIND_WORDS: Spellings<CommunityKind> = {
  urban: ['社区', '城市', '城镇', '居委会'],
  village: ['村', '农村', '村委会', '行政村'],
};

export const GRID_KIND_WORDS: Spellings<GridKind> = {
  residential: ['住宅', '居民', '居住', '小区', '社区网格', '基础网格'],
  shop: ['商铺', '商户', '商业', '专属网格', '商圈'],
  village: ['村', '农村', '村庄'],
};

export const MEMBER_ROLE_WORDS: Spellings<MemberRole> = {
  leader: ['网格长'],
  full_time: ['专职网格员', '专职', '网格员', 'fulltime'],
  part_time: ['兼职网格员', '兼职', 'parttime'],
  professional: ['专业网格员', '专业力量', '专业'],
  helper: ['网格协管员', '协管员', '志愿者', '物业', '网格助理'],
};

export const CAMERA_KIND_WORDS: Spellings<CameraKind> = {
  skynet: ['天网', '天网监控'],
  e_police: ['电子警察', '电警'],
  checkpoint: ['治安卡口', '卡口'],
  parking: ['停车', '静态停车', '停车场'],
  high_point: ['高点', '高点监控', '高空瞭望'],
  community: ['社区', '小区', '社区监控', '雪亮'],
};

export const CAMERA_STATUS_WORDS: Spellings<CameraStatus> = {
  online: ['在线', '正常', 'up'],
  offline: ['离线', '掉线', 'down'],
  fault: ['故障', '损坏', 'broken', 'error'],
};

export const ROAD_CLASS_WORDS: Spellings<RoadClass> = {
  arterial: ['主干路', '主干道', '干道', '快速路', 'primary', 'trunk', 'secondary'],
  street: ['次干路', '街道', '支路', '城市道路', 'tertiary', 'residential'],
  alley: ['巷', '小巷', '胡同', '里弄', 'lane'],
  path: ['步道', '步行道', '小区道路', '小区内部道路', '人行道', 'footway', 'pedestrian'],
};

/** Water kinds of `water_areas` (migrations/0001_init.sql). */
export const WATER_KINDS = ['river', 'lake'] as const;
export type WaterKind = (typeof WATER_KINDS)[number];

export const WATER_KIND_WORDS: Spellings<WaterKind> = {
  river: ['河', '河流', '河道', '江', '渠', 'stream', 'canal'],
  lake: ['湖', '湖泊', '水库', '池塘', '坑塘', 'reservoir', 'pond'],
};

const SERVICE_EXTRA_WORDS: Partial<Spellings<ServiceCategory>> = {
  party_service_center: ['党群服务中心', '社区服务站', '党群服务站'],
  health_station: ['社区卫生服务站', '卫生室', '村卫生室'],
  elderly_care: ['日间照料中心', '养老服务中心', '日间照料'],
  elderly_canteen: ['助餐点', '老年食堂', '长者食堂'],
  nursery: ['托儿所', '托育'],
  supermarket: ['菜市场', '生鲜超市', '农贸市场'],
  parcel_station: ['快递', '菜鸟驿站', '邮件和快件送达设施'],
  fire_station: ['微型消防站'],
  first_aid: ['红十字救护站', '急救'],
  police_room: ['派出所', '警务站'],
  mediation_center: ['司法所', '调解室', '和为贵'],
  culture_center: ['文化活动站', '文化站'],
  fitness: ['室外综合健身场地', '健身场地', '体育场'],
};

/** Service categories: the contract's Chinese and English names plus the usual synonyms. */
export const SERVICE_CATEGORY_WORDS = Object.fromEntries(
  Object.entries(SERVICE_CATEGORY_LABELS).map(([code, label]) => [
    code,
    [label.zh, label.en, ...(SERVICE_EXTRA_WORDS[code as ServiceCategory] ?? [])],
  ]),
) as unknown as Spellings<ServiceCategory>;

/** Words read as true or false (是/否, 有/无, 在岗 …). */
export const BOOLEAN_WORDS = {
  true: ['true', 't', 'yes', 'y', '1', '是', '有', '在岗', '对', '√'],
  false: ['false', 'f', 'no', 'n', '0', '否', '无', '不在岗', '离岗', '错', '×'],
} as const;
