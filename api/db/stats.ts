import type { Overview } from '../contract/stats';
import type { ScopedClient } from './scoped';

/**
 * The overview figures in three statements over the caller's scoped view of `incidents`,
 * optionally narrowed to one admin area (`prefix`: the area's significant code digits).
 */
export interface OverviewWindow {
  prefix: string | null;
  /** Local midnight of today. */
  dayStart: Date;
  slaSince: Date;
}

const FILTER = `($1::text IS NULL OR i.grid_code LIKE $1 || '%')`;
const OPEN = `i.status NOT IN ('closed', 'rejected', 'merged')`;

export async function overviewFigures(
  client: ScopedClient,
  w: OverviewWindow,
): Promise<
  Omit<Overview, 'area' | 'generatedAt' | 'sla' | 'hourly'> & {
    sla: { closed: number; onTime: number };
  }
> {
  const params = [w.prefix, w.dayStart.toISOString(), w.slaSince.toISOString()];
  const dims = await client.query<{ dim: string; key: string; total: number; open: number }>(
    `WITH inc AS (SELECT * FROM incidents i WHERE ${FILTER})
     SELECT 'status' AS dim, status AS key, count(*)::int AS total, 0 AS open FROM inc GROUP BY status
     UNION ALL SELECT 'category', category, count(*)::int, 0 FROM inc GROUP BY category
     UNION ALL SELECT 'source', source, count(*)::int, 0 FROM inc GROUP BY source
     UNION ALL SELECT 'street', street_code, count(*)::int,
                      count(*) FILTER (WHERE status NOT IN ('closed', 'rejected', 'merged'))::int
                 FROM inc GROUP BY street_code
     UNION ALL SELECT 'community', community_code, count(*)::int,
                      count(*) FILTER (WHERE status NOT IN ('closed', 'rejected', 'merged'))::int
                 FROM inc GROUP BY community_code`,
    [w.prefix],
  );
  const singles = await client.query<{
    total: number;
    open: number;
    reported_today: number;
    closed_today: number;
    open_overdue: number;
    sla_closed: number;
    sla_on_time: number;
    median_close: number | null;
    median_accept: number | null;
  }>(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE ${OPEN})::int AS open,
            count(*) FILTER (WHERE i.reported_at >= $2)::int AS reported_today,
            count(*) FILTER (WHERE i.status = 'closed' AND i.closed_at >= $2)::int AS closed_today,
            count(*) FILTER (WHERE ${OPEN} AND cardinality(i.overdue_clocks) > 0)::int AS open_overdue,
            count(*) FILTER (WHERE i.status = 'closed' AND i.closed_at >= $3)::int AS sla_closed,
            count(*) FILTER (WHERE i.status = 'closed' AND i.closed_at >= $3
                             AND cardinality(i.overdue_clocks) = 0)::int AS sla_on_time,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i.closed_at - i.reported_at) / 60)
              FILTER (WHERE i.status = 'closed' AND i.closed_at >= $3) AS median_close,
            (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.at - a.reported_at) / 60)
               FROM (SELECT min(e.at) AS at, min(x.reported_at) AS reported_at
                       FROM incidents x JOIN incident_events e ON e.incident_id = x.id
                      WHERE e.type = 'accept' AND x.reported_at >= $3
                        AND ($1::text IS NULL OR x.grid_code LIKE $1 || '%')
                      GROUP BY x.id) a) AS median_accept
       FROM incidents i WHERE ${FILTER}`,
    params,
  );
  const s = singles.rows[0]!;
  const names = await areaNames(client, dims.rows);
  const of = (dim: string) =>
    Object.fromEntries(dims.rows.filter((r) => r.dim === dim).map((r) => [r.key, r.total]));
  const areas = (dim: string) =>
    dims.rows
      .filter((r) => r.dim === dim)
      .map((r) => ({ code: r.key, name: names.get(r.key) ?? r.key, total: r.total, open: r.open }))
      .sort((a, b) => a.code.localeCompare(b.code));
  const minutes = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    total: s.total,
    open: s.open,
    byStatus: of('status'),
    byCategory: of('category'),
    bySource: of('source'),
    byStreet: areas('street'),
    byCommunity: areas('community'),
    today: { reported: s.reported_today, closed: s.closed_today },
    openOverdue: s.open_overdue,
    sla: { closed: s.sla_closed, onTime: s.sla_on_time },
    medianMinutes: { accept: minutes(s.median_accept), close: minutes(s.median_close) },
  };
}

async function areaNames(
  client: ScopedClient,
  rows: { dim: string; key: string }[],
): Promise<Map<string, string>> {
  const codes = rows.filter((r) => r.dim === 'street' || r.dim === 'community').map((r) => r.key);
  const result = await client.query<{ code: string; name: string }>(
    'SELECT code, name FROM admin_areas WHERE code = ANY ($1::text[])',
    [codes],
  );
  return new Map(result.rows.map((r) => [r.code, r.name]));
}

/** Reports and closures per hour for 24 hours from `firstHour` (time-zone independent). */
export async function hourlySeries(
  client: ScopedClient,
  prefix: string | null,
  firstHour: Date,
): Promise<Overview['hourly']> {
  const result = await client.query<{ slot: number; reported: number; closed: number }>(
    `WITH slots AS (SELECT generate_series(0, 23) AS slot),
     reported AS (
       SELECT floor(extract(epoch FROM i.reported_at - $2::timestamptz) / 3600)::int AS slot,
              count(*)::int AS n
         FROM incidents i WHERE ${FILTER} AND i.reported_at >= $2 GROUP BY 1),
     closed AS (
       SELECT floor(extract(epoch FROM i.closed_at - $2::timestamptz) / 3600)::int AS slot,
              count(*)::int AS n
         FROM incidents i WHERE ${FILTER} AND i.status = 'closed' AND i.closed_at >= $2 GROUP BY 1)
     SELECT s.slot, coalesce(r.n, 0) AS reported, coalesce(c.n, 0) AS closed
       FROM slots s LEFT JOIN reported r USING (slot) LEFT JOIN closed c USING (slot)
      ORDER BY s.slot`,
    [prefix, firstHour.toISOString()],
  );
  return result.rows.map((r) => ({
    hour: new Date(firstHour.getTime() + r.slot * 3_600_000).toISOString(),
    reported: r.reported,
    closed: r.closed,
  }));
}

/** The admin area the caller asked about, if the caller can see it. */
export async function findArea(
  client: ScopedClient,
  code: string,
): Promise<{ code: string; name: string; level: 'district' | 'street' | 'community' } | null> {
  const result = await client.query<{
    code: string;
    name: string;
    level: 'district' | 'street' | 'community';
  }>('SELECT code, name, level FROM admin_areas WHERE code = $1', [code]);
  return result.rows[0] ?? null;
}
