import {
  chinaDateKey,
  chinaDateParts,
  chinaDayStart,
  chinaHour,
} from '../../api/contract/china-time';

/**
 * Clock arithmetic in China Standard Time (UTC+8, no daylight saving): daily rhythms, day
 * boundaries and the dates inside incident codes are local. The local-time rules themselves are
 * the contract's (api/contract/china-time.ts), shared with the API and the wall.
 */

/** Durations in milliseconds. */
export const SECOND = 1000;
/** One minute in milliseconds. */
export const MINUTE = 60 * SECOND;
/** One hour in milliseconds. */
export const HOUR = 60 * MINUTE;
/** One (24-hour) day in milliseconds. */
export const DAY = 24 * HOUR;

/** ISO-8601 UTC text of an epoch time. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Local hour of day, 0–23. */
export function localHour(ms: number): number {
  return chinaHour(ms);
}

/** Epoch time of the local midnight that starts the day containing `ms`. */
export function localDayStart(ms: number): number {
  return chinaDayStart(ms);
}

/** Local day of week, 0 = Sunday. */
export function localWeekday(ms: number): number {
  return chinaDateParts(ms).weekday;
}

/** Local date as `yyyymmdd`. */
export function localDateKey(ms: number): string {
  return chinaDateKey(ms);
}

/** Rounds down to a whole second. */
export function floorSecond(ms: number): number {
  return Math.floor(ms / SECOND) * SECOND;
}
