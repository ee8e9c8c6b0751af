import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { AnalysisEngine } from '../../api/use-cases/analysis/engine';
import { createApp, systemClock } from '../../api/app';
import { loadConfig } from '../../api/config';
import { openDatabase, type Database } from '../../api/db/database';
import { startEmbeddedPostgres } from '../../api/db/embedded';
import { insertApiKey } from '../../api/db/identities';
import { digestSecret, newApiKey } from '../../api/domain/secrets';
import { createLogger } from '../../api/log';

/** An admin key over the whole data set, for a benchmark run. */
export async function bootstrapKey(db: Database): Promise<string> {
  const { rows } = await db.pool.query<{ code: string }>(
    `SELECT code FROM admin_areas WHERE level = 'district'`,
  );
  const { key, prefix } = newApiKey();
  await insertApiKey(db.pool, {
    prefix,
    secretHash: digestSecret(key),
    name: `bench-${prefix}`,
    role: 'admin',
    scopes: rows.map((row) => row.code),
    expiresAt: null,
    createdBy: 'bench',
  });
  return key;
}

/** The database a benchmark runs on, and how to let go of it. */
export interface BenchDatabase {
  db: Database;
  /** Where it is, for the report. */
  label: string;
  stop(): Promise<void>;
}

/** DATABASE_URL when set, else a temporary embedded database removed at the end. */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  if (process.env.DATABASE_URL) {
    const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '' });
    return { db, label: 'PostgreSQL server', stop: () => db.close() };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'yiping-bench-'));
  const embedded = await startEmbeddedPostgres(dir, 8);
  const url = `postgres://postgres@${embedded.host}:${embedded.port}/postgres`;
  const db = await openDatabase({ databaseUrl: url, dataDir: '' });
  return {
    db,
    label: 'embedded PGlite',
    stop: async () => {
      await db.close();
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The real app served on a free loopback port (rate limits lifted). */
export interface BenchServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves the app over HTTP; `analysis` lets the benchmark share the app's model cache. */
export async function startBenchServer(
  db: Database,
  analysis?: AnalysisEngine,
): Promise<BenchServer> {
  const config = loadConfig({});
  const app = createApp({
    db,
    config: {
      ...config,
      limits: { ...config.limits, perCallerPerMinute: 1e6, perIpPerMinute: 1e6 },
    },
    clock: systemClock,
    log: createLogger('silent'),
    analysis,
  });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve(started),
    );
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
