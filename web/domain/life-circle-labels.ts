import type { ServiceCategory } from '../../api/contract/codes';
import {
  categoriesOfCircle,
  CIRCLE_DISTANCE_M,
  CIRCLE_RULES,
  LIFE_CIRCLES,
  type LifeCircle,
  WALKING_SPEED_M_PER_MIN,
} from '../../api/contract/life-circle';
import type { LabelPair } from './label-pair';

/** Names of the three circles, as GB 50180-2018 calls them. */
export const CIRCLE_LABELS: Record<LifeCircle, LabelPair> = {
  '5min': { zh: '5 分钟生活圈', en: '5-minute circle' },
  '10min': { zh: '10 分钟生活圈', en: '10-minute circle' },
  '15min': { zh: '15 分钟生活圈', en: '15-minute circle' },
};

/** ● basic (基础保障型) and ○ optional (品质提升型), as TD/T 1062-2021 marks them. */
export const LEVEL_MARKS = { basic: '●', optional: '○' } as const;

/** Names of the two levels, for the legend of the marks. */
export const LEVEL_LABELS: Record<keyof typeof LEVEL_MARKS, LabelPair> = {
  basic: { zh: '基础保障型', en: 'basic' },
  optional: { zh: '品质提升型', en: 'optional' },
};

/** The mark of a category: ● when basic, ○ when optional. */
export function levelMark(category: ServiceCategory): string {
  return CIRCLE_RULES[category].basic ? LEVEL_MARKS.basic : LEVEL_MARKS.optional;
}

/** A circle with its categories, for a picker grouped by circle. */
export interface CircleGroup {
  circle: LifeCircle;
  distanceM: number;
  categories: ServiceCategory[];
}

/** The circles, nearest first, each with its categories in code-list order. */
export function circleGroups(): CircleGroup[] {
  return LIFE_CIRCLES.map((circle) => ({
    circle,
    distanceM: CIRCLE_DISTANCE_M[circle],
    categories: categoriesOfCircle(circle),
  }));
}

/** Minutes walked over `metres` at the standard pace (60 m/min), rounded to a tenth. */
export function walkingMinutes(metres: number, speed = WALKING_SPEED_M_PER_MIN): number {
  return Math.round((metres / speed) * 10) / 10;
}

/** "500 米 · 8.3 分钟" / "500 m · 8.3 min" (walked at 60 m/min). */
export function describeDistance(metres: number): LabelPair {
  const minutes = walkingMinutes(metres);
  return { zh: `${metres} 米 · ${minutes} 分钟`, en: `${metres} m · ${minutes} min` };
}
