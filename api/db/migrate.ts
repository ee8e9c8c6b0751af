import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/** The repository's migrations folder. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  version: string;
  sql: string;
  checksum: string;
}

/** Reads `NNNN_name.sql` files in order. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(path.join(dir, file), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      return { version: file.replace(/\.sql$/, ''), sql, checksum };
    }),
  );
}

/**
 * Applies pending migrations, each in its own transaction, and records them in
 * `schema_migrations`. Safe to run on every start and from several instances at once
 * (an advisory lock serialises them). Refuses to continue if an applied file was edited.
 */
export async function migrate(pool: pg.Pool, migrations: Migration[]): Promise<string[]> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query('SELECT pg_advisory_lock(72417001)');
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = await client.query<{ version: string; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const applied = new Map(done.rows.map((row) => [row.version, row.checksum]));
    const ran: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.version);
      if (checksum === migration.checksum) continue;
      if (checksum) {
        throw new Error(
          `Migration ${migration.version} was edited after it was applied. Migrations never change once landed: add a new one.`,
        );
      }
      await applyOne(client, migration);
      ran.push(migration.version);
    }
    return ran;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await client.query('SELECT pg_advisory_unlock(72417001)').catch(() => undefined);
    client.release(failed);
  }
}

async function applyOne(client: pg.PoolClient, migration: Migration): Promise<void> {
  try {
    await client.query('BEGIN');
    await client.query(migration.sql);
    await client.query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [
      migration.version,
      migration.checksum,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(`Migration ${migration.version} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
