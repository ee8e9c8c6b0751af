import type { OverviewWindow } from '../domain/overview-window';
import type { ScopedClient } from './scoped';

/**
 * The overview's counts per status, category, source, street and community, kept fast however
 * many incidents the city has. Open incidents are few (a partial index holds them) and counted
 * afresh each time. Final ones (closed, rejected, merged) are most of history and never change
 * again (nothing leaves a final status), so their counts are kept in memory per scope and area
 * and advanced by the events that made incidents final since the event head last seen.
 */

/** One grouping: `all`, or a status, category, source, street or community with its key. */
export type Dimension = 'all' | 'status' | 'category' | 'source' | 'street' | 'community';

export interface DimensionRow {
  dim: Dimension;
  /** The status, category, source or area code; null on the `all` row. */
  key: string | null;
  /** The street's or community's name, if the scope shows its row. */
  name: string | null;
  total: number;
  open: number;
  open_overdue: number;
}

/** Incidents `i` inside the area of parameter $1 (NULL: the whole scope). */
const IN_AREA = `($1::text IS NULL OR i.grid_code LIKE $1 || '%')`;

/** Six grouping sets over the incidents `i` of `from` (which must bind $1 for the area). */
function grouped(from: string, extra = ''): string {
  return `WITH counts AS (
       SELECT CASE WHEN GROUPING(i.status) = 0 THEN 'status'
                   WHEN GROUPING(i.category) = 0 THEN 'category'
                   WHEN GROUPING(i.source) = 0 THEN 'source'
                   WHEN GROUPING(i.street_code) = 0 THEN 'street'
                   WHEN GROUPING(i.community_code) = 0 THEN 'community'
                   ELSE 'all' END AS dim,
              coalesce(i.status, i.category, i.source, i.street_code, i.community_code) AS key,
              count(*)::int AS total ${extra}
         ${from}
        GROUP BY GROUPING SETS ((i.status), (i.category), (i.source), (i.street_code),
                                (i.community_code), ()))
     SELECT c.*, a.name
       FROM counts c
       LEFT JOIN admin_areas a ON c.dim IN ('street', 'community') AND a.code = c.key`;
}

/** Counts of the open incidents, with those overdue. */
export async function openCounts(client: ScopedClient, prefix: string | null) {
  const result = await client.query<DimensionRow>(
    grouped(
      `FROM incidents i WHERE incident_is_open(i.status) AND ${IN_AREA}`,
      `, count(*)::int AS open,
         count(*) FILTER (WHERE cardinality(i.overdue_clocks) > 0)::int AS open_overdue`,
    ),
    [prefix],
  );
  return result.rows;
}

/** Incidents reported from the window's local midnight up to its `now`. */
export async function reportedToday(
  client: ScopedClient,
  prefix: string | null,
  w: OverviewWindow,
): Promise<number> {
  const result = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM incidents i
      WHERE i.reported_at >= $2 AND i.reported_at <= $3 AND ${IN_AREA}`,
    [prefix, w.dayStart.toISOString(), w.now.toISOString()],
  );
  return result.rows[0]?.n ?? 0;
}

/** Counts of final incidents as of `head` (the event log's head in the same snapshot). */
export interface FinalTally {
  head: number;
  rows: ReadonlyMap<
    string,
    { dim: Dimension; key: string | null; name: string | null; total: number }
  >;
}

type TallyRow = {
  head: number;
  dim: Dimension | null;
  key: string | null;
  name: string | null;
  total: number | null;
};

/**
 * Final incidents counted from the table (`since` null), or the tally `since` advanced by the
 * events after its head that took an incident from an open status (or from nothing) into a final
 * one — each incident does that once. The head is read in the same statement, so the tally and
 * its head describe one snapshot.
 */
export async function finalTally(
  client: ScopedClient,
  prefix: string | null,
  since: FinalTally | null,
): Promise<FinalTally> {
  const from =
    since === null
      ? `FROM incidents i WHERE NOT incident_is_open(i.status) AND ${IN_AREA}`
      : `FROM incident_events e JOIN incidents i ON i.id = e.incident_id
          WHERE e.seq > $2 AND NOT incident_is_open(e.to_status)
            AND (e.from_status IS NULL OR incident_is_open(e.from_status)) AND ${IN_AREA}`;
  const result = await client.query<TallyRow>(
    `WITH h AS (SELECT yiping_event_head() AS head), g AS (${grouped(from)})
     SELECT h.head, g.dim, g.key, g.name, g.total FROM h LEFT JOIN g ON true`,
    since === null ? [prefix] : [prefix, since.head],
  );
  const rows = new Map(since?.rows ?? []);
  for (const r of result.rows) {
    if (r.dim === null || r.total === null) continue;
    const id = `${r.dim}|${r.key ?? ''}`;
    const before = rows.get(id);
    rows.set(id, {
      dim: r.dim,
      key: r.key,
      name: r.name ?? before?.name ?? null,
      total: (before?.total ?? 0) + r.total,
    });
  }
  return { head: result.rows[0]?.head ?? since?.head ?? 0, rows };
}

/** Open counts and the final tally as one list, sorted by dimension and key as SQL would. */
export function mergeCounts(open: readonly DimensionRow[], final: FinalTally): DimensionRow[] {
  const merged = new Map<string, DimensionRow>();
  for (const row of final.rows.values()) {
    merged.set(`${row.dim}|${row.key ?? ''}`, { ...row, open: 0, open_overdue: 0 });
  }
  for (const row of open) {
    const id = `${row.dim}|${row.key ?? ''}`;
    const before = merged.get(id);
    merged.set(id, {
      ...row,
      name: row.name ?? before?.name ?? null,
      total: row.total + (before?.total ?? 0),
    });
  }
  const order = (a: DimensionRow, b: DimensionRow) =>
    a.dim === b.dim ? compare(a.key ?? '', b.key ?? '') : compare(a.dim, b.dim);
  return [...merged.values()].sort(order);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
