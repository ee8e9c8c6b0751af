import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../../api/db/database';
import { startEmbeddedPostgres } from '../../../api/db/embedded';
import { seedDemo } from '../../../data/seed';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: 'embedded' | 'server';
  }
}

/** Fixed inputs of the shared test district: tests may rely on its figures. */
export const TEST_SEED = {
  scale: 'small',
  seed: 42,
  now: new Date('2026-06-01T08:00:00Z'),
} as const;

/**
 * One database for the whole integration run, seeded once with the small district:
 * with `DATABASE_URL`, a fresh throw-away database created on that server (never the named
 * database itself); without it, an embedded PGlite + PostGIS in a temporary directory served
 * over pglite-socket, exactly as the app uses it.
 */
export default async function setup(project: TestProject) {
  const target = process.env.DATABASE_URL
    ? await createServerDatabase(process.env.DATABASE_URL)
    : await startEmbedded();
  const db = await openDatabase({ databaseUrl: target.url, dataDir: '' });
  await seedDemo(db, { ...TEST_SEED });
  await db.close();
  project.provide('databaseUrl', target.url);
  project.provide('databaseKind', target.kind);
  return target.teardown;
}

async function startEmbedded() {
  const dir = await mkdtemp(path.join(tmpdir(), 'yiping-test-'));
  const embedded = await startEmbeddedPostgres(dir, 16);
  return {
    kind: 'embedded' as const,
    url: `postgres://postgres@${embedded.host}:${embedded.port}/postgres`,
    teardown: async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function createServerDatabase(serverUrl: string) {
  const name = `yiping_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'server' as const,
    url: url.toString(),
    teardown: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
