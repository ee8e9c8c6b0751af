import type { OverviewWindow } from './overview-window';

const DAY = 24 * 3_600_000;

/** An earlier day's window for a like-for-like comparison with today-so-far. */
export interface BaselineWindow {
  /** That day's local (China) midnight. */
  since: Date;
  /** The same time of day as `now`, on that day. */
  at: Date;
}

/**
 * Today's window moved back by one day (环比, against yesterday) and by seven (同比, against the
 * same weekday last week). China keeps no daylight saving, so a day is always 24 hours.
 */
export function baselineWindows(window: OverviewWindow): {
  yesterday: BaselineWindow;
  lastWeek: BaselineWindow;
} {
  const back = (days: number): BaselineWindow => ({
    since: new Date(window.dayStart.getTime() - days * DAY),
    at: new Date(window.now.getTime() - days * DAY),
  });
  return { yesterday: back(1), lastWeek: back(7) };
}
