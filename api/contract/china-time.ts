/**
 * China time, written once. China has one time zone, UTC+8 (Asia/Shanghai), with no daylight
 * saving since 1991, so local time is UTC shifted by eight hours: no time-zone database needed,
 * and the result is the same whatever the zone of the computer running it. "Today" decides
 * incident codes, the overview's today figures and the wall's "today" filter; the wall, the
 * drawer, the printed plan and alarm descriptions write times in it.
 */

/** An instant: epoch milliseconds or a `Date`. */
export type Instant = number | Date;

/** China's offset from UTC in milliseconds (UTC+8, all year). */
export const CHINA_UTC_OFFSET_MS = 8 * 3_600_000;

const DAY_MS = 86_400_000;

const msOf = (at: Instant): number => (typeof at === 'number' ? at : at.getTime());
const pad2 = (n: number) => String(n).padStart(2, '0');

/** A local (China) calendar date and wall-clock time. */
export interface ChinaDateParts {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–31. */
  readonly day: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** 0–23. */
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The local date and time of an instant in China. */
export function chinaDateParts(at: Instant): ChinaDateParts {
  const local = new Date(msOf(at) + CHINA_UTC_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The number of the local day (whole days since 1970-01-01 in China): equal on the same day. */
export function chinaDayNumber(at: Instant): number {
  return Math.floor((msOf(at) + CHINA_UTC_OFFSET_MS) / DAY_MS);
}

/** Epoch milliseconds of the local midnight that began the day of `at`. */
export function chinaDayStart(at: Instant): number {
  return chinaDayNumber(at) * DAY_MS - CHINA_UTC_OFFSET_MS;
}

/** The local hour of day, 0–23. */
export function chinaHour(at: Instant): number {
  return chinaDateParts(at).hour;
}

/** The local date as `yyyy-mm-dd`. */
export function chinaDate(at: Instant): string {
  const { year, month, day } = chinaDateParts(at);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The local date as `yyyymmdd`, as incident codes carry it. */
export function chinaDateKey(at: Instant): string {
  return chinaDate(at).replaceAll('-', '');
}

/** The local time of day as `HH:MM:SS`. */
export function chinaClockTime(at: Instant): string {
  const { hour, minute, second } = chinaDateParts(at);
  return `${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
}

/** The local date and time as `yyyy-mm-dd HH:MM:SS`. */
export function chinaDateTime(at: Instant): string {
  return `${chinaDate(at)} ${chinaClockTime(at)}`;
}
