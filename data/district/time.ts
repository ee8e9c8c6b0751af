/**
 * Clock arithmetic in China Standard Time (UTC+8, no daylight saving): daily rhythms, day
 * boundaries and the dates inside incident codes are local.
 */

/** Durations in milliseconds. */
export const SECOND = 1000;
/** One minute in milliseconds. */
export const MINUTE = 60 * SECOND;
/** One hour in milliseconds. */
export const HOUR = 60 * MINUTE;
/** One (24-hour) day in milliseconds. */
export const DAY = 24 * HOUR;

const CHINA_OFFSET_MS = 8 * HOUR;

/** ISO-8601 UTC text of an epoch time. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Local hour of day, 0–23. */
export function localHour(ms: number): number {
  return new Date(ms + CHINA_OFFSET_MS).getUTCHours();
}

/** Epoch time of the local midnight that starts the day containing `ms`. */
export function localDayStart(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY) * DAY - CHINA_OFFSET_MS;
}

/** Local day of week, 0 = Sunday. */
export function localWeekday(ms: number): number {
  return new Date(ms + CHINA_OFFSET_MS).getUTCDay();
}

/** Local date as `yyyymmdd`. */
export function localDateKey(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/** Rounds down to a whole second. */
export function floorSecond(ms: number): number {
  return Math.floor(ms / SECOND) * SECOND;
}
