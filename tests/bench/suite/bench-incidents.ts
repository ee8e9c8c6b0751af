import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The incidents the ingest and stream workloads create, found again and removed afterwards.
 * Every one carries `[yiping-bench <run>]` in its description — text the seeded data never
 * contains — and gets an id above the highest id at the start of the run; the cleanup needs
 * both, so it cannot touch a seeded row.
 */

/** The text every bench incident's description holds. */
export const BENCH_TAG = '[yiping-bench ';

/** A run of bench incidents: its description tag and the id floor below which nothing is its. */
export interface BenchRun {
  tag: string;
  floorId: number;
}

/** Points inside grids (a random sample), where reports land in the district. */
export interface ReportPoint {
  lng: number;
  lat: number;
}

/** Starts a run: removes leftovers of earlier interrupted runs, then notes the id floor. */
export async function startBenchRun(databaseUrl: string): Promise<BenchRun> {
  await removeBenchIncidents(databaseUrl, 0);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ max: string | null }>('SELECT max(id) FROM incidents');
    const tag = `${BENCH_TAG}${randomBytes(4).toString('hex')}]`;
    return { tag, floorId: Number(rows[0]!.max ?? 0) };
  } finally {
    await pool.end();
  }
}

/** `count` points inside grids of the district, for report bodies. */
export async function reportPoints(databaseUrl: string, count: number): Promise<ReportPoint[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<ReportPoint>(
      `SELECT ST_X(p) AS lng, ST_Y(p) AS lat
         FROM (SELECT ST_PointOnSurface(geom) AS p FROM grids ORDER BY random() LIMIT $1) s`,
      [count],
    );
    return rows;
  } finally {
    await pool.end();
  }
}

/**
 * Deletes the bench incidents above `floorId` (with their events and idempotency keys). The
 * event log is append-only by trigger: the trigger is switched off inside the deleting
 * transaction only, so no other session ever sees it off.
 */
export async function removeBenchIncidents(databaseUrl: string, floorId: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM incidents WHERE id > $1 AND strpos(description, $2) > 0`,
      [floorId, BENCH_TAG],
    );
    const ids = rows.map((row) => row.id);
    if (ids.length > 0) {
      await client.query('ALTER TABLE incident_events DISABLE TRIGGER incident_events_append_only');
      await client.query('DELETE FROM incident_events WHERE incident_id = ANY($1::bigint[])', [
        ids,
      ]);
      await client.query('ALTER TABLE incident_events ENABLE TRIGGER incident_events_append_only');
      await client.query('DELETE FROM idempotency_keys WHERE incident_id = ANY($1::bigint[])', [
        ids,
      ]);
      await client.query('DELETE FROM incidents WHERE id = ANY($1::bigint[])', [ids]);
    }
    await client.query('COMMIT');
    return ids.length;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

/** One acknowledged report: the token its description carried and the code the API answered. */
export interface Acknowledged {
  token: string;
  code: string;
}

/** What the database holds of the acknowledged reports. */
export interface StoredCheck {
  acknowledged: number;
  /** Acknowledged and stored exactly once, under the acknowledged code. */
  present: number;
  /** Acknowledged but not stored (or stored under another code). */
  lost: number;
  /** Extra rows for a token (a retried Idempotency-Key that created a second incident). */
  duplicates: number;
}

/** Checks every acknowledged report is stored exactly once, as the incident the API named. */
export async function checkStored(
  databaseUrl: string,
  run: BenchRun,
  acknowledged: readonly Acknowledged[],
): Promise<StoredCheck> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ description: string; code: string }>(
      `SELECT description, code FROM incidents WHERE id > $1 AND strpos(description, $2) > 0`,
      [run.floorId, run.tag],
    );
    const stored = new Map<string, string[]>();
    for (const { description, code } of rows) {
      const token = /\{([^}]+)\}/.exec(description)?.[1];
      if (token === undefined) continue;
      stored.set(token, [...(stored.get(token) ?? []), code]);
    }
    let present = 0;
    for (const ack of acknowledged) {
      const codes = stored.get(ack.token) ?? [];
      if (codes.length === 1 && codes[0] === ack.code) present += 1;
    }
    const duplicates = [...stored.values()].reduce((n, codes) => n + codes.length - 1, 0);
    return {
      acknowledged: acknowledged.length,
      present,
      lost: acknowledged.length - present,
      duplicates,
    };
  } finally {
    await pool.end();
  }
}

/** A report body whose description carries the run's tag and the report's own `{token}`. */
export function reportBody(run: BenchRun, token: string, point: ReportPoint, n: number): string {
  const categories = ['city_appearance', 'street_order', 'public_facility', 'livelihood'];
  return JSON.stringify({
    category: categories[n % categories.length],
    severity: 'medium',
    source: 'patrol',
    description: `基准测试 Benchmark report ${run.tag} {${token}}`,
    location: { type: 'Point', coordinates: [point.lng, point.lat] },
  });
}
