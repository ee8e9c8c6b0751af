import { HOT_GRID_LIMIT, type Baseline, type HotGrid } from '../contract/stats';
import type { BaselineWindow } from '../domain/stats-baselines';
import type { ScopedClient } from './scoped';

/** Incidents `i` inside the area of parameter $1 (NULL: the whole scope). */
const IN_AREA = `($1::text IS NULL OR i.grid_code LIKE $1 || '%')`;

/** Events `f` into a final status (from an open one, or at creation): one per final incident. */
const ENTERING_FINAL = `NOT incident_is_open(f.to_status)
  AND (f.from_status IS NULL OR incident_is_open(f.from_status))`;

/**
 * The headline figures of an earlier day up to `window.at`, under the caller's scope and
 * optionally one area (`prefix`, as in `overviewFigures`): reports and close events from that
 * day's local midnight to `at`, and the incidents open at `at`: reported by then and without
 * an event into closed, rejected or merged by then. Those statuses are final (nothing leaves
 * them; each final incident has exactly one event into one), so the incidents open at `at` are
 * those open now and reported by `at`, plus those whose event into a final status came after
 * `at`, less those of them reported after `at`: three short index ranges instead of a look into
 * the event log for every incident ever reported.
 */
export async function baselineFigures(
  client: ScopedClient,
  prefix: string | null,
  window: BaselineWindow,
): Promise<Baseline> {
  const result = await client.query<Omit<Baseline, 'at'>>(
    `SELECT
       (SELECT count(*)::int FROM incidents i
         WHERE i.reported_at >= $2 AND i.reported_at <= $3 AND ${IN_AREA}) AS reported,
       (SELECT count(*)::int FROM incident_events e JOIN incidents i ON i.id = e.incident_id
         WHERE e.type = 'close' AND e.at >= $2 AND e.at <= $3 AND ${IN_AREA}) AS closed,
       (SELECT count(*)::int FROM incidents i
         WHERE incident_is_open(i.status) AND i.reported_at <= $3 AND ${IN_AREA})
       + (SELECT count(*)::int FROM incident_events f
           WHERE ${ENTERING_FINAL} AND f.at > $3
             AND ($1::text IS NULL OR f.scope_code LIKE $1 || '%'))
       - (SELECT count(*)::int FROM incidents i
           WHERE NOT incident_is_open(i.status) AND i.reported_at > $3 AND ${IN_AREA}) AS open`,
    [prefix, window.since.toISOString(), window.at.toISOString()],
  );
  return { at: window.at.toISOString(), ...result.rows[0]! };
}

/**
 * The grids with the most open incidents now, then the most overdue among them, then by code;
 * at most {@link HOT_GRID_LIMIT}, none without an open incident.
 */
export async function hotGrids(client: ScopedClient, prefix: string | null): Promise<HotGrid[]> {
  const result = await client.query<HotGrid>(
    `SELECT i.grid_code AS code, g.name,
            count(*)::int AS open,
            count(*) FILTER (WHERE cardinality(i.overdue_clocks) > 0)::int AS overdue
       FROM incidents i
       JOIN grids g ON g.code = i.grid_code
      WHERE incident_is_open(i.status) AND ${IN_AREA}
      GROUP BY i.grid_code, g.name
      ORDER BY open DESC, overdue DESC, code
      LIMIT ${HOT_GRID_LIMIT}`,
    [prefix],
  );
  return result.rows;
}
