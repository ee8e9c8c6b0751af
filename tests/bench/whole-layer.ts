/**
 * Benchmark: whole-layer GeoJSON of the district's grids and cameras, as the wall screen loads
 * them at start (`/ogc/collections/{id}/items?limit=10000`), through the real app over HTTP.
 *
 * Baseline, measured in the same run on the same data: the obvious alternative of reading the
 * rows (geometry as GeoJSON text per row) and building the document with JSON.stringify in
 * Node. The figure that matters is the ratio; absolute times vary with the machine's load.
 *
 * Uses DATABASE_URL when set, else a temporary embedded database seeded at district scale.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, systemClock } from '../../api/app';
import { loadConfig } from '../../api/config';
import { openDatabase, type Database } from '../../api/db/database';
import { startEmbeddedPostgres } from '../../api/db/embedded';
import { createLogger } from '../../api/log';
import { seedDemo } from '../../data/seed';
import { bootstrapKey } from './support';

const ROUNDS = 7;

async function openBenchDatabase() {
  if (process.env.DATABASE_URL) {
    return {
      db: await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '' }),
      stop: async () => {},
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'yiping-bench-'));
  const embedded = await startEmbeddedPostgres(dir, 8);
  const url = `postgres://postgres@${embedded.host}:${embedded.port}/postgres`;
  const db = await openDatabase({ databaseUrl: url, dataDir: '' });
  return {
    db,
    stop: async () => {
      await db.close();
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The median of `ROUNDS` timed runs of `work`, in milliseconds, after one warm-up. */
async function median(work: () => Promise<number>): Promise<{ ms: number; bytes: number }> {
  let bytes = await work();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const start = performance.now();
    bytes = await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(ROUNDS / 2)]!, bytes };
}

/** The baseline: rows to Node, document built with JSON.stringify. */
async function naiveLayer(db: Database, table: string, id: string): Promise<number> {
  const { rows } = await db.pool.query(
    `SELECT ${id} AS id, ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 6) AS g, * FROM ${table}`,
  );
  const features = rows.map(({ id: fid, g, geom: _geom, ...properties }) => ({
    type: 'Feature',
    id: fid,
    geometry: JSON.parse(g),
    properties,
  }));
  return JSON.stringify({ type: 'FeatureCollection', features }).length;
}

async function main() {
  const { db, stop } = await openBenchDatabase();
  let server: ServerType | undefined;
  try {
    console.log('Seeding the district (kept if already there)…');
    await seedDemo(db, { scale: 'district', seed: 1, now: new Date('2026-06-01T08:00:00Z') });
    const key = await bootstrapKey(db);
    const config = loadConfig({});
    const app = createApp({
      db,
      config: {
        ...config,
        limits: { ...config.limits, perCallerPerMinute: 1e6, perIpPerMinute: 1e6 },
      },
      clock: systemClock,
      log: createLogger('silent'),
    });
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
        resolve(started),
      );
    });
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    console.log(
      `Database: ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'}. Median of ${ROUNDS} runs.\n`,
    );
    for (const [collection, table, id] of [
      ['grids', 'grids', 'code'],
      ['cameras', 'cameras', 'code'],
    ] as const) {
      const fetchLayer = (encoding: string) => async () => {
        const response = await fetch(`${origin}/ogc/collections/${collection}/items?limit=10000`, {
          headers: { Authorization: `Bearer ${key}`, 'Accept-Encoding': encoding },
        });
        const bytes = Number(response.headers.get('content-length') ?? 0);
        const text = await response.text();
        return encoding === 'gzip' && bytes ? bytes : text.length;
      };
      const plain = await median(fetchLayer('identity'));
      const gzip = await median(fetchLayer('gzip'));
      const baseline = await median(() => naiveLayer(db, table, id));
      console.log(
        `${collection}: OGC items over HTTP ${plain.ms.toFixed(0)} ms (${(plain.bytes / 1e6).toFixed(1)} MB), ` +
          `with gzip ${gzip.ms.toFixed(0)} ms; baseline rows→JSON.stringify in process ` +
          `${baseline.ms.toFixed(0)} ms; ratio ours/baseline ${(plain.ms / baseline.ms).toFixed(2)} ` +
          `(gzip ${(gzip.ms / baseline.ms).toFixed(2)})`,
      );
    }
  } finally {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await stop();
  }
}

await main();
