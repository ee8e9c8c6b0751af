import pg from 'pg';
import type { SseMessage } from '../integration/stream/support';
import type { FollowingStream } from './following-stream';
import type { LoadFigures, LoadTarget, RunningLoad } from './outage-load';
import { sendReport } from './outage-load';

/**
 * Checks shared by the outage tests and the `faults` drill: what a target needs from the
 * database, resending unacknowledged reports, and reading the stream's record of them.
 */

/** Points inside the district and one incident code to read, straight from the database. */
export async function loadTargetFrom(
  databaseUrl: string,
  url: string,
  key: string,
): Promise<LoadTarget> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const points = await client.query<{ lng: number; lat: number }>(
      `SELECT ST_X(ST_PointOnSurface(geom)) AS lng, ST_Y(ST_PointOnSurface(geom)) AS lat
         FROM grids ORDER BY code LIMIT 20`,
    );
    const incident = await client.query<{ code: string }>(
      'SELECT code FROM incidents ORDER BY id LIMIT 1',
    );
    return { url, key, points: points.rows, readCode: incident.rows[0]!.code };
  } finally {
    await client.end();
  }
}

/** Resends every report whose outcome the client does not know, until each is acknowledged. */
export async function resendUnacknowledged(
  target: LoadTarget,
  figures: LoadFigures,
  attempts = 20,
): Promise<void> {
  for (let round = 0; round < attempts && figures.unacknowledged.size > 0; round += 1) {
    for (const [key, body] of [...figures.unacknowledged]) {
      await sendReport(target, figures, key, body);
    }
    if (figures.unacknowledged.size > 0) await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * After an outage: waits until `more` further reports are acknowledged (the API works again)
 * while the process is up, stops the load and resends what was never acknowledged.
 */
export async function settleLoad(
  load: RunningLoad,
  target: LoadTarget,
  isUp: () => boolean,
  more = 5,
): Promise<LoadFigures> {
  const before = load.figures.acknowledged.size;
  while (load.figures.acknowledged.size < before + more && isUp()) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const figures = await load.stop();
  await resendUnacknowledged(target, figures);
  return figures;
}

/**
 * Incident codes created by reports with these Idempotency-Keys (through the key's record, and
 * through the description that names the key, so a duplicate that bypassed the record shows).
 */
export async function incidentsByKey(
  database: string | pg.Pool,
  keys: readonly string[],
): Promise<Map<string, string[]>> {
  const pool =
    typeof database === 'string' ? new pg.Pool({ connectionString: database, max: 1 }) : database;
  try {
    const rows = await pool.query<{ key: string; code: string }>(
      `SELECT k.key, i.code
         FROM idempotency_keys k JOIN incidents i ON i.id = k.incident_id
        WHERE k.key = ANY ($1::text[])
       UNION ALL
       SELECT substr(i.description, length('演练 drill report ') + 1), i.code
         FROM incidents i WHERE i.description = ANY ($2::text[])`,
      [keys, keys.map((key) => `演练 drill report ${key}`)],
    );
    const found = new Map<string, string[]>();
    for (const row of rows.rows) {
      const codes = found.get(row.key) ?? [];
      if (!codes.includes(row.code)) codes.push(row.code);
      found.set(row.key, codes);
    }
    return found;
  } finally {
    if (typeof database === 'string') await pool.end();
  }
}

/** A load target read through the API itself (the embedded database is inside the process). */
export async function loadTargetFromApi(url: string, key: string): Promise<LoadTarget> {
  const response = await fetch(new URL('ogc/collections/incidents/items?limit=20', url), {
    headers: { Authorization: `Bearer ${key}` },
  });
  const body = (await response.json()) as {
    features: { id: string; geometry: { coordinates: [number, number] } }[];
  };
  const points = body.features.map((f) => ({
    lng: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
  }));
  return { url, key, points, readCode: String(body.features[0]!.id) };
}

/** How many times each incident's creation event arrived on the stream, and whether ids rose. */
export function creationEvents(messages: readonly SseMessage[]) {
  const counts = new Map<string, number>();
  for (const m of messages) {
    if (m.event !== 'incidents' || m.data.fromStatus !== null) continue;
    counts.set(m.data.subject, (counts.get(m.data.subject) ?? 0) + 1);
  }
  const ids = messages.map((m) => Number(m.id));
  const rising = ids.every((id, i) => i === 0 || id > ids[i - 1]!);
  return { counts, rising };
}

/**
 * Waits until `stream` has the creation event of every incident in `codes` (or gives up), then
 * says which never arrived, which arrived more than once, and whether event ids only rose.
 */
export async function streamedCreations(stream: FollowingStream, codes: readonly string[]) {
  const has = () => creationEvents(stream.messages()).counts;
  await stream
    .waitFor(() => codes.every((code) => has().has(code)), 'every acknowledged incident')
    .catch(() => undefined);
  const seen = creationEvents(stream.messages());
  return {
    missing: codes.filter((code) => !seen.counts.has(code)),
    twice: codes.filter((code) => (seen.counts.get(code) ?? 0) > 1),
    rising: seen.rising,
  };
}

/** Backends of `application_name` holding `LISTEN yiping_events` on the database at `url`. */
export async function listeningBackends(url: string, applicationName?: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE query LIKE '%LISTEN yiping_events%' AND pid <> pg_backend_pid()
          AND ($1::text IS NULL OR application_name = $1)`,
      [applicationName ?? null],
    );
    return rows.rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}
