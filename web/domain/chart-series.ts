import { INCIDENT_CATEGORIES, type IncidentCategory } from '../../api/contract/codes';
import { type IncidentPoint, isOpen } from './wall-data';

const HOUR_MS = 3_600_000;
/** Hours in the hourly series. */
export const SERIES_HOURS = 24;

/** One hour of the hourly chart. */
export interface HourCount {
  /** Epoch milliseconds of the start of the hour. */
  hour: number;
  reported: number;
  closed: number;
}

/** Incidents of one category. */
export interface CategoryCount {
  category: IncidentCategory;
  count: number;
}

/** Incidents of one street, and how many of them are still open. */
export interface StreetCount {
  code: string;
  name: string;
  total: number;
  open: number;
}

/** How many incidents were closed, of how many; `rate` is null when there are none. */
export interface ClosureRate {
  closed: number;
  total: number;
  rate: number | null;
}

/**
 * Reports and closings per hour over the last 24 whole hours, oldest first; the last hour holds
 * `now` (as the overview's `hourly`). A closing counts only for incidents now `closed`.
 */
export function hourlySeries(incidents: readonly IncidentPoint[], now: number): HourCount[] {
  const first = now - (now % HOUR_MS) - (SERIES_HOURS - 1) * HOUR_MS;
  const series = Array.from({ length: SERIES_HOURS }, (_, i) => ({
    hour: first + i * HOUR_MS,
    reported: 0,
    closed: 0,
  }));
  const slotOf = (at: number) => {
    const index = Math.floor((at - first) / HOUR_MS);
    return index >= 0 && index < SERIES_HOURS ? series[index] : undefined;
  };
  for (const incident of incidents) {
    const reported = slotOf(incident.reportedAt);
    if (reported) reported.reported += 1;
    if (incident.status !== 'closed' || incident.closedAt === null) continue;
    const closed = slotOf(incident.closedAt);
    if (closed) closed.closed += 1;
  }
  return series;
}

/** Incidents per category, most first (ties in the code list's order); empty categories left out. */
export function categorySeries(incidents: readonly IncidentPoint[]): CategoryCount[] {
  const counts = new Map<IncidentCategory, number>();
  for (const incident of incidents) {
    counts.set(incident.category, (counts.get(incident.category) ?? 0) + 1);
  }
  return INCIDENT_CATEGORIES.flatMap((category) => {
    const count = counts.get(category);
    return count ? [{ category, count }] : [];
  }).sort((a, b) => b.count - a.count);
}

/** Incidents per street with their open part, most first (ties by code); names fall back to codes. */
export function streetSeries(
  incidents: readonly IncidentPoint[],
  names: ReadonlyMap<string, string>,
): StreetCount[] {
  const byStreet = new Map<string, StreetCount>();
  for (const incident of incidents) {
    const code = incident.streetCode;
    let row = byStreet.get(code);
    if (!row) {
      row = { code, name: names.get(code) ?? code, total: 0, open: 0 };
      byStreet.set(code, row);
    }
    row.total += 1;
    if (isOpen(incident)) row.open += 1;
  }
  return [...byStreet.values()].sort(
    (a, b) => b.total - a.total || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** The share of incidents whose status is `closed` (rejected and merged count as not closed). */
export function closureRate(incidents: readonly IncidentPoint[]): ClosureRate {
  const total = incidents.length;
  const closed = incidents.reduce((n, incident) => n + (incident.status === 'closed' ? 1 : 0), 0);
  return { closed, total, rate: total === 0 ? null : closed / total };
}

/**
 * The smallest "nice" axis maximum (1, 2 or 5 times a power of ten) at or above `value`; at
 * least 1, so an empty chart still has an axis.
 */
export function niceCeil(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}
