import pg from 'pg';
import { ensureDatabase } from '../env';

/**
 * The browser workload's own database: the district (seeded by the API at its first start) plus
 * synthetic incidents, so the 10,000 and 100,000 incidents never reach the shared bench database.
 * Synthetic incidents have codes starting `BW` and are replaced at each size and removed at the
 * end; the database itself is kept, so later runs skip the seeding.
 */

/** `…/yiping_bench` → `…/yiping_bench_wall`. */
export function wallDatabaseUrl(benchUrl: string): string {
  const url = new URL(benchUrl);
  url.pathname = `${url.pathname}_wall`;
  return url.toString();
}

/** Creates the database with PostGIS when it is missing (the API seeds it when it starts). */
export async function prepareWallDatabase(url: string): Promise<void> {
  await ensureDatabase(url);
}

/**
 * Copies of the seeded incidents (cycled), moved up to ~200 m, reported in the six days before
 * now (inside the wall's default 7-day window) with deadlines still ahead (so the SLA sweep
 * writes nothing for them), `merged` ones as `rejected` (a merge needs a duplicate). The
 * address is given, so the per-row address trigger does not run. Deterministic positions.
 */
const INSERT = `
  INSERT INTO incidents (code, category, source, severity, description, address, status,
                         grid_code, community_code, street_code, reported_at, accept_deadline,
                         resolve_deadline, closed_at, satisfaction, geom)
  SELECT 'BW' || lpad(g::text, 14, '0'), s.category, s.source, s.severity, '', '基准测试',
         CASE WHEN s.status = 'merged' THEN 'rejected' ELSE s.status END,
         s.grid_code, s.community_code, s.street_code, t.at, now() + interval '1 day',
         now() + interval '30 days',
         CASE WHEN s.status = 'closed' THEN t.at + interval '1 hour' END,
         CASE WHEN s.status = 'closed' THEN s.satisfaction END,
         ST_SetSRID(ST_MakePoint(ST_X(s.geom) + (random() - 0.5) * 0.004,
                                 ST_Y(s.geom) + (random() - 0.5) * 0.004), 4326)
    FROM generate_series(1, $1::int) g
    JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS n, *
            FROM incidents WHERE code NOT LIKE 'BW%') s
      ON s.n = g % (SELECT count(*) FROM incidents WHERE code NOT LIKE 'BW%')
   CROSS JOIN LATERAL (SELECT now() - random() * interval '6 days' + g * interval '0' AS at) t`;

/** Replaces the synthetic incidents by `count` new ones; returns how many incidents there are. */
export async function setSyntheticIncidents(url: string, count: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`DELETE FROM incidents WHERE code LIKE 'BW%'`);
    await client.query('SELECT setseed(0.15)');
    if (count > 0) await client.query(INSERT, [count]);
    await client.query('COMMIT');
    await client.query('ANALYZE incidents');
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM incidents');
    return Number(rows[0]!.n);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
