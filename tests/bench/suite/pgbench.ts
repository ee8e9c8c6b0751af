/**
 * The database's own cost for a statement: pgbench (PostgreSQL's, as a separate process) runs a
 * script of literal SQL from `-c` clients for a few seconds; the figure is scripts per second.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** pgbench's path (PATH, else PostgreSQL 15's bin directory), or null when it is not installed. */
export function findPgbench(): string | null {
  if (spawnSync('pgbench', ['--version'], { stdio: 'ignore' }).status === 0) return 'pgbench';
  const bundled = '/usr/lib/postgresql/15/bin/pgbench';
  return existsSync(bundled) ? bundled : null;
}

/**
 * One pgbench run. Each script is one app request's statements; with several, each
 * transaction picks one at random (equal weights), so tps is requests per second.
 */
export interface PgbenchLoad {
  databaseUrl: string;
  scripts: readonly (readonly string[])[];
  seconds: number;
  clients?: number;
}

function run(bin: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/** pgbench takes at most 128 scripts. */
export const MAX_SCRIPTS = 128;

/** Runs the scripts under pgbench; returns transactions (requests' worth of SQL) per second. */
export async function runPgbench(load: PgbenchLoad): Promise<number> {
  const bin = findPgbench();
  if (!bin) throw new Error('pgbench is not installed');
  const dir = await mkdtemp(path.join(tmpdir(), 'yp-pgbench-'));
  try {
    if (load.scripts.length > MAX_SCRIPTS) throw new Error(`over ${MAX_SCRIPTS} scripts`);
    const files = await Promise.all(
      load.scripts.map(async (statements, index) => {
        const file = path.join(dir, `request-${index}.sql`);
        // A request that needs no SQL (a tile below its layer's minimum zoom) still counts as a
        // transaction: pgbench refuses an empty script, so it gets the cheapest round trip.
        const sql = statements.length > 0 ? statements : ['SELECT 1'];
        await writeFile(file, sql.map((text) => `${text.trim()};\n`).join(''));
        return ['-f', `${file}@1`];
      }),
    );
    const clients = load.clients ?? 8;
    const { code, out } = await run(bin, [
      '-n',
      `-c${clients}`,
      `-j${Math.min(2, clients)}`,
      `-T${load.seconds}`,
      ...files.flat(),
      load.databaseUrl,
    ]);
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
    if (code !== 0 || !tps) throw new Error(`pgbench exited ${code}:\n${out.slice(-2000)}`);
    return Number(tps[1]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
