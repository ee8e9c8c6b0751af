import { SERVICE_CATEGORIES, type ServiceCategory } from './codes';
import type { LabelPair } from './labels';

/**
 * The 15-minute life circle (十五分钟生活圈), shared by the analysis API and the web app.
 *
 * Walking distances of the three circles: GB 50180-2018《城市居住区规划设计标准》§1.0.3 and
 * Table 4.0.1 — 5-minute circle 300 m, 10-minute 500 m, 15-minute 800–1,000 m (we default to the
 * upper bound, 1,000 m). Which facility belongs to which circle, and whether it is basic (●,
 * 基础保障型) or optional (○, 品质提升型): TD/T 1062-2021《社区生活圈规划技术指南》Appendix A
 * (A.1–A.3), cross-checked with GB 50180-2018 Appendix B (配套设施设置规定). TD/T 1062 A.3 also
 * asks for a health station within a 500 m radius; GB 50180 puts it in the 5-minute circle, which
 * we follow. Police room, micro fire station and first-aid station are optional in TD/T 1062.
 */

export const LIFE_CIRCLES = ['5min', '10min', '15min'] as const;
export type LifeCircle = (typeof LIFE_CIRCLES)[number];

/** Walking distance of each circle in metres (GB 50180-2018 Table 4.0.1). */
export const CIRCLE_DISTANCE_M: Readonly<Record<LifeCircle, number>> = {
  '5min': 300,
  '10min': 500,
  '15min': 1000,
};

/** The 15-minute circle's permitted range (GB 50180-2018: 800–1,000 m). */
export const FIFTEEN_MINUTE_RANGE_M = [800, 1000] as const;

/** Default walking speed, metres per minute (about 3.6 km/h, the pace GB 50180 assumes). */
export const WALKING_SPEED_M_PER_MIN = 60;

/** Distances a request may ask for, in metres. */
export const DISTANCE_LIMITS_M = { min: 50, max: 3000 } as const;

/** Where a category belongs in the life circle. */
export interface CircleRule {
  readonly circle: LifeCircle;
  /** ● basic (基础保障型) or ○ optional (品质提升型). */
  readonly basic: boolean;
}

/**
 * TD/T 1062-2021 Appendix A with GB 50180-2018 Appendix B: the circle and level of each of our
 * twenty categories (a Record, so a new category must be placed).
 */
export const CIRCLE_RULES: Readonly<Record<ServiceCategory, CircleRule>> = {
  kindergarten: { circle: '5min', basic: true },
  nursery: { circle: '5min', basic: false },
  elderly_care: { circle: '5min', basic: true },
  elderly_canteen: { circle: '5min', basic: true },
  health_station: { circle: '5min', basic: true },
  convenience_store: { circle: '5min', basic: true },
  breakfast: { circle: '5min', basic: true },
  pharmacy: { circle: '5min', basic: true },
  parcel_station: { circle: '5min', basic: true },
  fitness: { circle: '5min', basic: true },
  party_service_center: { circle: '5min', basic: true },
  primary_school: { circle: '10min', basic: true },
  supermarket: { circle: '10min', basic: true },
  middle_school: { circle: '15min', basic: true },
  health_center: { circle: '15min', basic: true },
  culture_center: { circle: '15min', basic: true },
  mediation_center: { circle: '15min', basic: true },
  police_room: { circle: '15min', basic: false },
  fire_station: { circle: '15min', basic: false },
  first_aid: { circle: '15min', basic: false },
};

/** The walking distance a category must be reached within (its circle's distance). */
export function categoryDistanceM(category: ServiceCategory): number {
  return CIRCLE_DISTANCE_M[CIRCLE_RULES[category].circle];
}

/** The basic (●) categories, in code-list order: what a complete life circle must reach. */
export const BASIC_CATEGORIES: readonly ServiceCategory[] = SERVICE_CATEGORIES.filter(
  (category) => CIRCLE_RULES[category].basic,
);

/** Categories of one circle, in code-list order. */
export function categoriesOfCircle(circle: LifeCircle): ServiceCategory[] {
  return SERVICE_CATEGORIES.filter((category) => CIRCLE_RULES[category].circle === circle);
}

/** Metres walked in `minutes` at `speed` metres per minute. */
export function minutesToMetres(minutes: number, speed = WALKING_SPEED_M_PER_MIN): number {
  return minutes * speed;
}

/** Names of the twenty categories, Chinese first (the wall, the planner view and adoption use them). */
export const SERVICE_CATEGORY_LABELS: Readonly<Record<ServiceCategory, LabelPair>> = {
  party_service_center: { zh: '党群服务中心', en: 'Party & community centre' },
  health_center: { zh: '社区卫生服务中心', en: 'Health centre' },
  health_station: { zh: '卫生服务站', en: 'Health station' },
  elderly_care: { zh: '养老服务站', en: 'Elderly care' },
  elderly_canteen: { zh: '老年助餐点', en: 'Elderly canteen' },
  nursery: { zh: '托育机构', en: 'Nursery' },
  kindergarten: { zh: '幼儿园', en: 'Kindergarten' },
  primary_school: { zh: '小学', en: 'Primary school' },
  middle_school: { zh: '中学', en: 'Middle school' },
  supermarket: { zh: '超市', en: 'Supermarket' },
  convenience_store: { zh: '便利店', en: 'Convenience store' },
  breakfast: { zh: '早餐点', en: 'Breakfast' },
  pharmacy: { zh: '药店', en: 'Pharmacy' },
  parcel_station: { zh: '快递驿站', en: 'Parcel station' },
  fire_station: { zh: '消防站', en: 'Fire station' },
  first_aid: { zh: '急救站', en: 'First aid' },
  police_room: { zh: '警务室', en: 'Police room' },
  mediation_center: { zh: '调解中心', en: 'Mediation centre' },
  culture_center: { zh: '文化活动中心', en: 'Culture centre' },
  fitness: { zh: '健身场所', en: 'Fitness' },
};
