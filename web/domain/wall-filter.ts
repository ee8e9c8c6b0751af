import { chinaDayStart } from '../../api/contract/china-time';
import type { IncidentCategory } from '../../api/contract/codes';
import { type IncidentPoint, isOpen } from './wall-data';
import { inScope } from './wall-places';

/** Time windows the screen can show, by when incidents were reported. */
export const TIME_WINDOWS = ['today', '24h', '7d', '30d'] as const;
export type TimeWindow = (typeof TIME_WINDOWS)[number];

/** Which incidents by handling state. */
export const STATUS_FILTERS = ['all', 'open', 'overdue', 'closed'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** What the map, the feed and the charts all show. */
export interface WallFilter {
  /** A street or community code (12 digits); null for the whole scope. */
  areaCode: string | null;
  /** Categories to show; empty for all. */
  categories: IncidentCategory[];
  status: StatusFilter;
  window: TimeWindow;
}

export const DEFAULT_FILTER: WallFilter = {
  areaCode: null,
  categories: [],
  status: 'all',
  window: '7d',
};

const HOUR_MS = 3_600_000;
const WINDOW_MS: Record<Exclude<TimeWindow, 'today'>, number> = {
  '24h': 24 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
  '30d': 30 * 24 * HOUR_MS,
};

/** Epoch milliseconds the window starts at; "today" is the local day in China (UTC+8). */
export function windowStart(window: TimeWindow, now: number): number {
  if (window !== 'today') return now - WINDOW_MS[window];
  return chinaDayStart(now);
}

function matchesStatus(incident: IncidentPoint, status: StatusFilter): boolean {
  switch (status) {
    case 'all':
      return true;
    case 'open':
      return isOpen(incident);
    case 'overdue':
      return isOpen(incident) && incident.overdue;
    case 'closed':
      return !isOpen(incident);
  }
}

/** True when the incident passes every part of the filter at `now`. */
export function matchesFilter(incident: IncidentPoint, filter: WallFilter, now: number): boolean {
  return (
    incident.reportedAt >= windowStart(filter.window, now) &&
    inScope(incident, filter.areaCode) &&
    (filter.categories.length === 0 || filter.categories.includes(incident.category)) &&
    matchesStatus(incident, filter.status)
  );
}

/** The incidents passing the filter, in their given order. */
export function filterIncidents(
  incidents: readonly IncidentPoint[],
  filter: WallFilter,
  now: number,
): IncidentPoint[] {
  const start = windowStart(filter.window, now);
  return incidents.filter((i) => i.reportedAt >= start && matchesFilter(i, filter, now));
}
