import { expect } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../../api/app';
import { loadConfig } from '../../../api/config';
import type { ImportJob } from '../../../api/contract/imports';
import type { Database } from '../../../api/db/database';
import { systemClock } from '../../../api/domain/clock';
import type { AppEnv } from '../../../api/http/env';
import { createLogger } from '../../../api/log';
import { createImportQueue, type JobTiming } from '../../../api/use-cases/imports/jobs';
import { call } from '../support/app';

/** The real app with its own import queue (so a test can wait for it) and upload limit. */
export function importApp(db: Database, options: { maxBytes?: number; timing?: JobTiming } = {}) {
  const log = createLogger('silent');
  const queue = createImportQueue({
    pool: db.pool,
    clock: systemClock,
    log,
    timing: options.timing,
  });
  const app = createApp({
    db,
    config: loadConfig({}),
    clock: systemClock,
    log,
    readiness: { phase: 'ready' },
    imports: { maxBytes: options.maxBytes, queue },
  });
  return { app, queue };
}

/** `POST /api/v1/imports` with `fields` and the file, as a browser's form would send it. */
export function upload(
  app: Hono<AppEnv>,
  key: string,
  fields: Record<string, string>,
  file: { name: string; bytes: Uint8Array<ArrayBuffer> } | null,
  ip = '10.77.0.1',
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([file.bytes]), file.name);
  return call(app, '/api/v1/imports', { method: 'POST', body: form, headers: auth(key) }, ip);
}

export const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

/**
 * Reads a job until it has finished; returns it and every state seen on the way. A 503 is
 * retried: on the embedded database (one session) a request that needs the database waits
 * behind the import's transaction, and gives up after the pool's connect timeout.
 */
export async function followJob(app: Hono<AppEnv>, key: string, id: number, ip = '10.77.0.1') {
  const seen: ImportJob[] = [];
  for (let i = 0; i < 20_000; i += 1) {
    const response = await call(app, `/api/v1/imports/${id}`, { headers: auth(key) }, ip);
    if (response.status === 503) continue;
    expect(response.status, await response.clone().text()).toBe(200);
    const job = (await response.json()) as ImportJob;
    seen.push(job);
    if (job.status !== 'queued' && job.status !== 'running') return { job, seen };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`job ${id} did not finish`);
}

/** Service points as a district would send them: `count` points inside the seeded district. */
export async function servicePointsFile(
  db: Database,
  prefix: string,
  count: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const { rows: grids } = await db.pool.query<{ lng: number; lat: number }>(
    `SELECT ST_X(p) AS lng, ST_Y(p) AS lat
     FROM (SELECT ST_PointOnSurface(geom) AS p FROM grids ORDER BY code) AS g`,
  );
  // Points around the grids' inner points, a few centimetres apart: all inside the district.
  const rows = Array.from({ length: count }, (_, i) => {
    const grid = grids[i % grids.length]!;
    const step = Math.floor(i / grids.length) * 1e-7;
    return { lng: grid.lng + step, lat: grid.lat + step };
  });
  const categories = ['pharmacy', 'kindergarten', 'supermarket', 'breakfast'];
  const features = rows.map((point, i) => ({
    type: 'Feature',
    properties: {
      code: `${prefix}${String(i).padStart(5, '0')}`,
      name: `导入测试点 ${i}`,
      category: categories[i % categories.length],
    },
    geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
  }));
  const text = JSON.stringify({ type: 'FeatureCollection', features });
  return new TextEncoder().encode(text);
}

/** A checksum of the service points whose code starts with `prefix` (every stored column). */
export async function servicePointsChecksum(db: Database, prefix: string) {
  const { rows } = await db.pool.query<{ count: number; sum: string | null }>(
    `SELECT count(*)::int AS count,
            md5(string_agg(concat_ws('|', code, name, category, street_code, community_code,
              capacity, opening_hours, ST_AsText(geom)), ',' ORDER BY code)) AS sum
     FROM service_points WHERE code LIKE $1 || '%'`,
    [prefix],
  );
  return rows[0]!;
}

/** Rows of the tables an import may write to, to show that nothing was written. */
export async function tableCounts(db: Database) {
  const { rows } = await db.pool.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM service_points) AS service_points,
            (SELECT count(*)::int FROM grids) AS grids,
            (SELECT count(*)::int FROM import_jobs) AS import_jobs`,
  );
  return rows[0]!;
}
