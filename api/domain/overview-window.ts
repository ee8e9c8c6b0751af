import { chinaDayStart } from '../contract/china-time';

/**
 * The time windows of the statistics overview, from the injected clock's `now` (never the
 * database's `now()`, so tests can move the clock).
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface OverviewWindow {
  now: Date;
  /** Local (China) midnight that began today: "today" runs from here to `now`. */
  dayStart: Date;
  /** Start of the first of 24 hourly buckets; the last one holds `now`. */
  firstHour: Date;
  /** Start of the SLA and median window, which ends at `now`. */
  since: Date;
  windowDays: number;
}

/** The windows for an overview computed at `now`, with an SLA window of `windowDays`. */
export function overviewWindow(now: Date, windowDays: number): OverviewWindow {
  const t = now.getTime();
  return {
    now,
    dayStart: new Date(chinaDayStart(t)),
    firstHour: new Date(t - mod(t, HOUR) - 23 * HOUR),
    since: new Date(t - windowDays * DAY),
    windowDays,
  };
}

/** Remainder with the sign of the divisor (instants before 1970 too). */
const mod = (a: number, b: number) => ((a % b) + b) % b;
