import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A running API server started for a test file. */
export interface TestServer {
  /** Base URL ending in `/`, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** The bootstrap admin API key the server was started with (48 random characters). */
  adminKey: string;
  /** Everything the server printed so far (stdout and stderr). */
  output: () => string;
  /** Sends SIGTERM, waits for the process to exit, and removes its temporary data directory. */
  stop: () => Promise<void>;
  /**
   * Stops the process (keeping its data) with `signal` (default SIGTERM; SIGKILL for a crash),
   * runs `meanwhile`, starts it again on the same port.
   */
  restart: (meanwhile?: () => Promise<void>, signal?: NodeJS.Signals) => Promise<void>;
  /** Stops the process with `signal` (default SIGTERM), keeping its data. */
  halt: (signal?: NodeJS.Signals) => Promise<void>;
  /** The embedded database's directory (unused when `DATABASE_URL` is set). */
  dataDir: string;
  /** Whether the process is still running (it has not exited or been killed). */
  isRunning: () => boolean;
  /** The running process's id (changes at each restart). */
  pid: () => number | undefined;
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const HOST = '127.0.0.1';
/** Embedded cold start (migrate + seed) takes up to a minute; leave plenty of room. */
const READY_TIMEOUT_MS = 480_000;
const POLL_MS = 500;
const STOP_TIMEOUT_MS = 30_000;

/** Asks the OS for a port that is free right now. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function isReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('readyz', url), { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function waitUntilReady(child: ChildProcess, url: string, output: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `server exited (${child.exitCode ?? child.signalCode}) before ready:\n${output()}`,
      );
    }
    if (await isReady(url)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`server not ready after ${READY_TIMEOUT_MS} ms:\n${output()}`);
}

/** A fresh bootstrap admin key: 36 random bytes, 48 URL-safe characters. */
export function generateAdminKey(): string {
  return randomBytes(36).toString('base64url');
}

/**
 * Starts `api/server.ts` on a free port with the small seed, no simulator (unless `env` says
 * otherwise) and a random
 * bootstrap admin key, in a fresh temporary data directory (or against `DATABASE_URL` when
 * the environment sets it), and resolves once `/readyz` answers 200.
 */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const port = await findFreePort();
  const adminKey = generateAdminKey();
  const dataDir = await mkdtemp(join(tmpdir(), 'yiping-e2e-'));
  let log = '';
  const output = () => log;
  const url = `http://${HOST}:${port}/`;
  const launch = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        HOST,
        PORT: String(port),
        YIPING_DATA_DIR: dataDir,
        YIPING_SEED_SCALE: 'small',
        YIPING_SIMULATOR: 'off',
        YIPING_BOOTSTRAP_ADMIN_KEY: adminKey,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    return child;
  };
  let child = launch();
  const halt = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) {
      const killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      child.kill(signal);
      await waitForExit(child);
      clearTimeout(killTimer);
    }
  };
  const stop = async () => {
    await halt();
    await rm(dataDir, { recursive: true, force: true });
  };
  const restart = async (meanwhile?: () => Promise<void>, signal?: NodeJS.Signals) => {
    await halt(signal);
    try {
      await meanwhile?.();
    } finally {
      // Back up even when `meanwhile` fails, so one failed check does not fail the file.
      child = launch();
      await waitUntilReady(child, url, output);
    }
  };
  try {
    await waitUntilReady(child, url, output);
  } catch (error) {
    await stop();
    throw error;
  }
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  return { url, adminKey, output, stop, restart, halt, dataDir, isRunning, pid: () => child.pid };
}
