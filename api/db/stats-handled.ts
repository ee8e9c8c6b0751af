import type { OverviewWindow } from '../domain/overview-window';
import type { ScopedClient } from './scoped';

/**
 * The accept and close events of the overview's SLA window, kept in memory per scope and area
 * between overviews: at city scale the window holds some 150,000 of them, and recounting them
 * (with a join to their incidents) for every wall refresh cost seconds. Each overview reads only
 * the events after the head it last saw, drops those the window has left behind, and counts and
 * takes medians in memory, exactly as `percentile_cont(0.5)` does.
 */

/** One accept or close event: its time (µs since 1970), minutes since the report, on time. */
interface Handled {
  at: number;
  close: boolean;
  minutes: number;
  onTime: boolean;
}

/** The events with `at` after `since` (µs) up to the event head `head`. */
export interface HandledLog {
  head: number;
  since: number;
  events: Handled[];
}

export interface HandledFigures {
  closed_today: number;
  sla_closed: number;
  sla_on_time: number;
  median_accept: number | null;
  median_close: number | null;
}

/** Incidents `i` inside the area of parameter $1 (NULL: the whole scope). */
const IN_AREA = `($1::text IS NULL OR i.grid_code LIKE $1 || '%')`;

const micros = (date: Date) => date.getTime() * 1000;

/**
 * `kept` brought up to date for `window` (read afresh when there is none, or the window now
 * starts earlier than it, as when a test moves the clock back). The head is read in the same
 * statement as the events, so the log describes one snapshot.
 */
export async function handledLog(
  client: ScopedClient,
  prefix: string | null,
  window: OverviewWindow,
  kept: HandledLog | null,
): Promise<HandledLog> {
  const since = micros(window.since);
  const base = kept !== null && kept.since <= since ? kept : null;
  const result = await client.query<{
    head: number;
    at: number | null;
    close: boolean;
    minutes: number;
    on_time: boolean;
  }>(
    `WITH h AS (SELECT yiping_event_head() AS head),
     e AS (SELECT (extract(epoch FROM e.at) * 1000000)::int8 AS at, e.type = 'close' AS close,
                  (extract(epoch FROM e.at - i.reported_at) / 60)::float8 AS minutes,
                  cardinality(i.overdue_clocks) = 0 AS on_time
             FROM incident_events e JOIN incidents i ON i.id = e.incident_id
            WHERE e.type IN ('accept', 'close') AND e.at > $2 AND ${base ? 'e.seq > $3' : 'true'}
              AND ${IN_AREA})
     SELECT h.head, e.* FROM h LEFT JOIN e ON true`,
    base ? [prefix, window.since.toISOString(), base.head] : [prefix, window.since.toISOString()],
  );
  const fresh = result.rows
    .filter((r) => r.at !== null)
    .map((r) => ({ at: r.at!, close: r.close, minutes: r.minutes, onTime: r.on_time }));
  const events = (base?.events.filter((e) => e.at > since) ?? []).concat(fresh);
  return { head: result.rows[0]?.head ?? base?.head ?? 0, since, events };
}

/**
 * From the log's events in the SLA window (which holds today: it is at least a day long):
 * closures today and in the window, those without a missed deadline, and the median minutes
 * from report to accept and to close.
 */
export function handledFigures(log: HandledLog, window: OverviewWindow): HandledFigures {
  const [since, dayStart, now] = [window.since, window.dayStart, window.now].map(micros);
  const accepts: number[] = [];
  const closes: number[] = [];
  let closedToday = 0;
  let onTime = 0;
  for (const e of log.events) {
    if (e.at <= since! || e.at > now!) continue;
    if (!e.close) {
      accepts.push(e.minutes);
      continue;
    }
    closes.push(e.minutes);
    if (e.at >= dayStart!) closedToday += 1;
    if (e.onTime) onTime += 1;
  }
  return {
    closed_today: closedToday,
    sla_closed: closes.length,
    sla_on_time: onTime,
    median_accept: median(accepts),
    median_close: median(closes),
  };
}

/** `percentile_cont(0.5)`: the middle value, or interpolated halfway between the two middle ones. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const data = Float64Array.from(values);
  const position = (data.length - 1) * 0.5;
  const low = Math.floor(position);
  const first = select(data, low);
  if (low === position) return first;
  // After selecting the low rank, everything above it lies to its right: the next rank is their least.
  let second = Infinity;
  for (let i = low + 1; i < data.length; i += 1) second = Math.min(second, data[i]!);
  return first + (second - first) * (position - low);
}

/** The value of rank `k` (0-based), partitioning `data` around it in place (Hoare's quickselect). */
function select(data: Float64Array, k: number): number {
  let left = 0;
  let right = data.length - 1;
  while (left < right) {
    const pivot = data[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (data[i]! < pivot) i += 1;
      while (data[j]! > pivot) j -= 1;
      if (i <= j) {
        [data[i], data[j]] = [data[j]!, data[i]!];
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return data[k]!;
}
