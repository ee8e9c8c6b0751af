import type { AdminLevel } from '../contract/codes';
import type { AreaCount, HourlyCount, Overview } from '../contract/stats';
import type { OverviewWindow } from '../domain/overview-window';
import type { ScopedClient } from './scoped';
import {
  finalTally,
  mergeCounts,
  openCounts,
  reportedToday,
  type Dimension,
  type FinalTally,
} from './stats-counts';
import { handledFigures, handledLog, type HandledLog } from './stats-handled';

/**
 * The overview figures in a few statements over the caller's scoped view of `incidents` and
 * `incident_events` (row-level security drops what the scope does not show), optionally
 * narrowed to one admin area: `prefix` is the area's significant code digits, which every grid
 * code inside it starts with. Accepting and closing are counted from their events (a close
 * event carries the same instant as `incidents.closed_at`), so each time window is a range of
 * an index on incident_events (type, at) rather than a scan of the event log.
 */

/** Incidents `i` inside the area of parameter $1 (NULL: the whole scope). */
const IN_AREA = `($1::text IS NULL OR i.grid_code LIKE $1 || '%')`;

type Figures = Omit<Overview, 'area' | 'generatedAt' | 'hourly' | 'baselines' | 'hotGrids'>;

/** What the overview keeps in memory for one scope and area between calls. */
export interface OverviewMemory {
  /** Counts of final incidents (api/db/stats-counts.ts). */
  tally: FinalTally | null;
  /** The SLA window's accept and close events (api/db/stats-handled.ts). */
  handled: HandledLog | null;
}

/** Where one scope and area's memory is kept; `set` keeps the newer of each part. */
export interface MemorySlot {
  get(): OverviewMemory;
  set(memory: OverviewMemory): void;
}

/** Everything but the hourly series. */
export async function overviewFigures(
  client: ScopedClient,
  prefix: string | null,
  window: OverviewWindow,
  slot: MemorySlot,
): Promise<Figures> {
  const kept = slot.get();
  const tally = await finalTally(client, prefix, kept.tally);
  const log = await handledLog(client, prefix, window, kept.handled);
  slot.set({ tally, handled: log });
  const counts = mergeCounts(await openCounts(client, prefix), tally);
  const reported = await reportedToday(client, prefix, window);
  const handled = handledFigures(log, window);
  const all = counts.find((r) => r.dim === 'all');
  const rows = (dim: Dimension) => counts.filter((r) => r.dim === dim);
  const of = (dim: Dimension) => Object.fromEntries(rows(dim).map((r) => [r.key, r.total]));
  const areas = (dim: Dimension): AreaCount[] =>
    rows(dim).map((r) => ({ code: r.key!, name: r.name ?? r.key!, total: r.total, open: r.open }));
  const minutes = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  const { sla_closed: closed, sla_on_time: onTime } = handled;
  return {
    total: all?.total ?? 0,
    open: all?.open ?? 0,
    byStatus: of('status'),
    byCategory: of('category'),
    bySource: of('source'),
    byStreet: areas('street'),
    byCommunity: areas('community'),
    today: { reported, closed: handled.closed_today },
    openOverdue: all?.open_overdue ?? 0,
    sla: {
      windowDays: window.windowDays,
      closed,
      onTime,
      compliance: closed === 0 ? null : Math.round((onTime / closed) * 1000) / 1000,
    },
    medianMinutes: { accept: minutes(handled.median_accept), close: minutes(handled.median_close) },
  };
}

/** Reports and closures per hour for the 24 hours from `window.firstHour` up to `window.now`. */
export async function hourlySeries(
  client: ScopedClient,
  prefix: string | null,
  window: OverviewWindow,
): Promise<HourlyCount[]> {
  const slot = (column: string) =>
    `floor(extract(epoch FROM ${column} - $2::timestamptz) / 3600)::int`;
  const result = await client.query<{ slot: number; reported: number; closed: number }>(
    `WITH reported AS (
       SELECT ${slot('i.reported_at')} AS slot, count(*)::int AS n
         FROM incidents i
        WHERE i.reported_at >= $2 AND i.reported_at <= $3 AND ${IN_AREA}
        GROUP BY 1),
     closed AS (
       SELECT ${slot('e.at')} AS slot, count(*)::int AS n
         FROM incident_events e
         JOIN incidents i ON i.id = e.incident_id
        WHERE e.type = 'close' AND e.at >= $2 AND e.at <= $3 AND ${IN_AREA}
        GROUP BY 1)
     SELECT s.slot, coalesce(r.n, 0) AS reported, coalesce(c.n, 0) AS closed
       FROM generate_series(0, 23) AS s (slot)
       LEFT JOIN reported r USING (slot)
       LEFT JOIN closed c USING (slot)
      ORDER BY s.slot`,
    [prefix, window.firstHour.toISOString(), window.now.toISOString()],
  );
  return result.rows.map((r) => ({
    hour: new Date(window.firstHour.getTime() + r.slot * 3_600_000).toISOString(),
    reported: r.reported,
    closed: r.closed,
  }));
}

/** The admin area the caller asked about, if the caller's scope shows it. */
export async function findArea(
  client: ScopedClient,
  code: string,
): Promise<{ code: string; name: string; level: AdminLevel } | null> {
  const result = await client.query<{ code: string; name: string; level: AdminLevel }>(
    'SELECT code, name, level FROM admin_areas WHERE code = $1',
    [code],
  );
  return result.rows[0] ?? null;
}
