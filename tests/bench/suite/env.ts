/**
 * Where the benchmark runs: a district-seeded database on the local PostgreSQL server
 * (`BENCH_DATABASE_URL`, default `postgres://postgres@127.0.0.1:5432/yiping_bench`, made and seeded
 * on first use), the API as its own process (as `npm start` runs it), on the server or on an
 * embedded database kept in `.yiping/bench-embedded/`, and the keys a workload calls with.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/yiping_bench';

/** An API process the bench started. */
export interface ApiProcess {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/** Options for `startApi`. */
export interface ApiOptions {
  /** `server` (default): the bench database on PostgreSQL; `embedded`: PGlite in the API process. */
  database?: 'server' | 'embedded';
  /** Extra environment, e.g. `{ YIPING_SERVE_WEB: 'on' }`. */
  env?: Record<string, string>;
  /** A database URL other than the bench database (the city workload's own). */
  databaseUrl?: string;
}

/** What a workload reaches. */
export interface BenchEnv {
  /** The district-seeded bench database on the PostgreSQL server. */
  databaseUrl: string;
  /** An admin key over the whole district, valid on every API process the bench starts. */
  adminKey: string;
  /** Starts an API process and waits until `/readyz` says ready (seeding first if needed). */
  startApi(options?: ApiOptions): Promise<ApiProcess>;
  /** A key scoped to one community (made through the admin API of `api`), and that community. */
  communityKey(api: ApiProcess): Promise<{ key: string; community: string }>;
  /**
   * Makes sure Debian packages are installed (apt-get as root). Returns null when they are, else
   * the reason they could not be, for a clear "skipped" message.
   */
  ensurePackages(packages: readonly string[]): string | null;
  /** Stops everything the bench started. */
  close(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Creates the bench database (or a workload's own) with PostGIS when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('CREATE EXTENSION IF NOT EXISTS postgis');
  } finally {
    await db.end();
  }
}

async function waitReady(origin: string, child: ChildProcess, log: (line: string) => void) {
  const started = Date.now();
  let last = 0;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API process exited (${child.exitCode})`);
    const ready = await fetch(`${origin}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    if (Date.now() - last > 15_000) {
      last = Date.now();
      log(`  waiting for ${origin}/readyz (${Math.round((Date.now() - started) / 1000)} s)…`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The bench's admin key, kept in `.yiping/bench-admin-key` so that bench processes started one
 * after another (or side by side) set the same bootstrap key and never revoke each other's.
 */
async function benchAdminKey(): Promise<string> {
  const file = path.join(ROOT, '.yiping/bench-admin-key');
  const kept = await readFile(file, 'utf8').catch(() => '');
  if (/^yp_bench_[0-9a-f]{48}$/.test(kept.trim())) return kept.trim();
  const key = `yp_bench_${randomBytes(24).toString('hex')}`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, key + '\n', { mode: 0o600 });
  return key;
}

/** Opens the bench environment; `log` receives progress lines. */
export async function openBenchEnv(log: (line: string) => void): Promise<BenchEnv> {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_URL;
  await ensureDatabase(databaseUrl);
  const adminKey = await benchAdminKey();
  const running = new Set<ApiProcess>();

  async function startApi(options: ApiOptions = {}): Promise<ApiProcess> {
    const port = await freePort();
    const embedded = options.database === 'embedded';
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      HOST: '127.0.0.1',
      PORT: String(port),
      YIPING_SIMULATOR: 'off',
      YIPING_LOG: 'silent',
      YIPING_SERVE_WEB: 'off',
      YIPING_RATE_LIMIT: '100000000',
      YIPING_IP_RATE_LIMIT: '100000000',
      YIPING_BOOTSTRAP_ADMIN_KEY: adminKey,
      YIPING_DATA_DIR: path.join(ROOT, '.yiping/bench-embedded'),
      NODE_ENV: 'production',
      ...options.env,
    };
    if (embedded) delete env.DATABASE_URL;
    else env.DATABASE_URL = options.databaseUrl ?? databaseUrl;
    log(`  starting the API (${embedded ? 'embedded database' : 'PostgreSQL server'}) on :${port}`);
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const origin = `http://127.0.0.1:${port}`;
    const api: ApiProcess = {
      origin,
      pid: child.pid!,
      stop: async () => {
        running.delete(api);
        await stopChild(child);
      },
    };
    running.add(api);
    try {
      await waitReady(origin, child, log);
    } catch (error) {
      await api.stop();
      throw error;
    }
    return api;
  }

  async function communityKey(api: ApiProcess) {
    const headers = { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' };
    const filter = encodeURIComponent("level = 'community'");
    const areas = (await fetch(
      `${api.origin}/ogc/collections/admin-areas/items?limit=1&filter=${filter}`,
      { headers },
    ).then((response) => response.json())) as { features: { id: string }[] };
    const community = areas.features[0]!.id;
    const response = await fetch(`${api.origin}/api/v1/api-keys`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: `bench-${community}`, role: 'admin', scopes: [community] }),
    });
    if (!response.ok) throw new Error(`making a community key: ${await response.text()}`);
    const { key } = (await response.json()) as { key: string };
    return { key, community };
  }

  function ensurePackages(packages: readonly string[]): string | null {
    const missing = packages.filter(
      (name) => spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status !== 0,
    );
    if (missing.length === 0) return null;
    if (process.getuid?.() !== 0) return `needs Debian packages ${missing.join(', ')} (not root)`;
    log(`  installing ${missing.join(', ')} from Debian's packages…`);
    const install = spawnSync('apt-get', ['install', '-y', '-q', ...missing], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (install.status === 0) return null;
    spawnSync('apt-get', ['update', '-q'], { stdio: 'ignore' });
    const retry = spawnSync('apt-get', ['install', '-y', '-q', ...missing], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return retry.status === 0 ? null : `apt-get could not install ${missing.join(', ')}`;
  }

  return {
    databaseUrl,
    adminKey,
    startApi,
    communityKey,
    ensurePackages,
    close: async () => {
      await Promise.all([...running].map((api) => api.stop()));
    },
  };
}
