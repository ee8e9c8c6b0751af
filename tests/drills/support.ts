import pg from 'pg';
import { openDatabase } from '../../api/db/database';
import { startServer, type TestServer } from '../e2e/support/server';

/**
 * What every drill shares: its command-line options, the database it runs on, the real server
 * process (`api/server.ts`, small seed, simulator off) and the one summary line it prints.
 *
 *   node --import tsx tests/drills/<name>.ts [--short] [--db embedded|server]
 *
 * `--db server` needs `DATABASE_URL` (a PostgreSQL server with PostGIS available): the drill
 * creates a throw-away database there and drops it afterwards. The default is `embedded`.
 */
export interface DrillOptions {
  short: boolean;
  db: 'embedded' | 'server';
}

export function readDrillOptions(argv: string[] = process.argv.slice(2)): DrillOptions {
  const db = argv.includes('--db') ? argv[argv.indexOf('--db') + 1] : 'embedded';
  if (db !== 'embedded' && db !== 'server') throw new Error('--db is embedded or server');
  if (db === 'server' && !process.env.DATABASE_URL) {
    throw new Error('--db server needs DATABASE_URL pointing at a PostgreSQL server');
  }
  return { short: argv.includes('--short'), db };
}

/** A drill's database: env for the server process, and direct access when the server is down. */
export interface DrillDatabase {
  kind: 'embedded' | 'server';
  /** Environment for `startServer` (`DATABASE_URL`, or nothing for a fresh embedded one). */
  env: Record<string, string>;
  /** Row count of every table in the public schema (embedded: only while the server is stopped). */
  rowCounts(dataDir?: string): Promise<Record<string, number>>;
  drop(): Promise<void>;
}

/** A fresh throw-away database on the `DATABASE_URL` server, or the embedded default. */
export async function drillDatabase(kind: DrillOptions['db']): Promise<DrillDatabase> {
  if (kind === 'embedded') {
    return {
      kind,
      env: { DATABASE_URL: '' },
      rowCounts: async (dataDir) => {
        if (!dataDir) throw new Error('embedded row counts need the data directory');
        const db = await openDatabase({ databaseUrl: undefined, dataDir });
        try {
          return await countRows(db.pool);
        } finally {
          await db.close();
        }
      },
      drop: async () => undefined,
    };
  }
  const serverUrl = process.env.DATABASE_URL!;
  const name = `yiping_drill_${process.pid}_${Date.now().toString(36)}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    env: { DATABASE_URL: url.toString() },
    rowCounts: () => withPool(url.toString(), countRows),
    drop: () =>
      withClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      ).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function withPool<T>(url: string, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

/** Exact row counts of every base table in the public schema, by name. */
export async function countRows(pool: pg.Pool): Promise<Record<string, number>> {
  const tables = await pool.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const result = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
    counts[name] = result.rows[0]?.n ?? 0;
  }
  return counts;
}

/** Tables whose counts differ between two `countRows` results, as `name: before → after`. */
export function changedCounts(
  before: Record<string, number>,
  after: Record<string, number>,
  ignore: readonly string[] = [],
): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((name) => !ignore.includes(name) && before[name] !== after[name])
    .map((name) => `${name}: ${before[name] ?? 0} → ${after[name] ?? 0}`);
}

/** Starts the real server on the drill's database (small seed, simulator off, API only). */
export function startDrillServer(
  db: DrillDatabase,
  env: Record<string, string> = {},
): Promise<TestServer> {
  return startServer({ YIPING_SERVE_WEB: 'off', YIPING_LOG: 'json', ...db.env, ...env });
}

/**
 * Prints the drill's one summary line — `drill <name> [<db>]: PASS|FAIL — <figures>` — with
 * the failures after it, and sets the exit code.
 */
export function reportDrill(
  name: string,
  options: DrillOptions,
  figures: Record<string, string | number>,
  failures: string[],
): void {
  const shown = Object.entries(figures)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  const verdict = failures.length === 0 ? 'PASS' : 'FAIL';
  const form = options.short ? ' short' : '';
  process.stdout.write(`drill ${name} [${options.db}${form}]: ${verdict} — ${shown}\n`);
  for (const failure of failures.slice(0, 50)) process.stdout.write(`  ✗ ${failure}\n`);
  if (failures.length > 50) process.stdout.write(`  … and ${failures.length - 50} more\n`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}
