import {
  DISTANCE_LIMITS_M,
  WALKING_SPEED_M_PER_MIN,
  categoryDistanceM,
} from '../../contract/life-circle';
import type { ServiceCategory } from '../../contract/codes';
import { ValidationError } from '../../domain/errors';

/**
 * The walking metres a request means: `distance`, or `minutes` × `speed` (default 60 m/min),
 * or the category's circle distance (GB 50180-2018) when neither is given.
 */
export function reachDistance(
  category: ServiceCategory,
  q: { distance?: number; minutes?: number; speed?: number },
): number {
  if (q.distance !== undefined && q.minutes !== undefined) {
    throw new ValidationError('Give distance or minutes, not both.', [
      { path: 'minutes', message: 'give distance or minutes, not both' },
    ]);
  }
  if (q.minutes === undefined) return q.distance ?? categoryDistanceM(category);
  const metres = Math.round(q.minutes * (q.speed ?? WALKING_SPEED_M_PER_MIN));
  if (metres < DISTANCE_LIMITS_M.min || metres > DISTANCE_LIMITS_M.max) {
    throw new ValidationError(
      `${q.minutes} minutes at ${q.speed ?? WALKING_SPEED_M_PER_MIN} m/min is ${metres} m; the walking distance must be ${DISTANCE_LIMITS_M.min}–${DISTANCE_LIMITS_M.max} m.`,
      [
        {
          path: 'minutes',
          message: `gives ${metres} m, outside ${DISTANCE_LIMITS_M.min}–${DISTANCE_LIMITS_M.max} m`,
        },
      ],
    );
  }
  return metres;
}
