/**
 * `ceilings`: what this machine does at best, for reading the other figures — a bare Hono
 * route under wrk -c8 and `SELECT 1` through a node-postgres pool of 8 (each its own process),
 * with pgbench's `SELECT 1` beside them. Context figures, no target.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { figuresOf, measureRounds, type Case, type Contender } from './compare';
import { freePort, type BenchEnv } from './env';
import { wrkContender } from './http-contenders';
import { runPgbench, findPgbench } from './pgbench';
import type { BenchOptions, Workload, WorkloadResult } from './types';

const HERE = import.meta.dirname;

function nodeScript(file: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(HERE, file)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Starts the bare Hono process; resolves when it prints `ready`. */
async function startBareHono(): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = nodeScript('bare-hono.ts', { PORT: String(port) });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`bare Hono exited (${code})`)));
  });
  return { origin: `http://127.0.0.1:${port}`, child };
}

function selectOne(databaseUrl: string, seconds: number): Contender {
  return {
    name: 'node-postgres pool (8)',
    measure: () =>
      new Promise((resolve, reject) => {
        const child = nodeScript('select-one.ts', {
          DATABASE_URL: databaseUrl,
          SECONDS: String(seconds),
          CONNECTIONS: '8',
        });
        let out = '';
        child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.once('exit', (code) =>
          code === 0 ? resolve(Number(out.trim())) : reject(new Error(`select-one exited ${code}`)),
        );
      }),
  };
}

async function run(env: BenchEnv, options: BenchOptions): Promise<WorkloadResult> {
  const wrk = env.ensurePackages(['wrk']);
  if (wrk) return { figures: [], targets: [], skipped: `wrk: ${wrk}` };
  const hono = await startBareHono();
  try {
    const select: Contender[] = [selectOne(env.databaseUrl, options.seconds)];
    if (findPgbench()) {
      select.push({
        name: 'pgbench (-c8)',
        measure: () =>
          runPgbench({
            databaseUrl: env.databaseUrl,
            scripts: [['SELECT 1']],
            seconds: options.seconds,
          }),
      });
    }
    const cases: Case[] = [
      {
        label: 'bare Hono route',
        note: 'wrk -c8 -t2, text body',
        contenders: [wrkContender('@hono/node-server', hono.origin, ['/'], options.seconds)],
      },
      { label: 'SELECT 1', note: '8 concurrent queries', contenders: select },
    ];
    const { measured, failures } = await measureRounds(cases, options);
    for (const [what, why] of failures) options.log(`  failed: ${what}: ${why}`);
    return { figures: figuresOf('ceilings', cases, measured), targets: [] };
  } finally {
    hono.child.kill('SIGTERM');
  }
}

/** The `ceilings` workload. */
export const ceilingsWorkload: Workload = { name: 'ceilings', run };
