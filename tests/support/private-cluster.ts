import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findFreePort } from '../e2e/support/server';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A private PostgreSQL 15 cluster that a test or drill may stop and restart at will, without
 * touching the shared server: its own data directory under /tmp, its own port on 127.0.0.1,
 * trust authentication. PostGIS comes from the system-wide installation. The binaries run as
 * the `postgres` user (PostgreSQL refuses to run as root).
 */
export interface PrivateCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** `pg_ctl stop -m fast`: every connection is terminated, new ones refused. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** `pg_ctl restart -m fast`, as an operator would. */
  restart(): Promise<void>;
  /** Stops the cluster (immediately) and removes its data directory; safe to call twice. */
  destroy(): Promise<void>;
}

/** True when this machine can run a private cluster (PostgreSQL 15 binaries, root for runuser). */
export function canRunPrivateCluster(): boolean {
  return process.getuid?.() === 0;
}

async function asPostgres(command: string, args: string[]): Promise<string> {
  const { stdout } = await run('runuser', [
    '-u',
    'postgres',
    '--',
    path.join(BIN, command),
    ...args,
  ]);
  return stdout;
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const { stdout } = await run('id', ['postgres']);
  const uid = Number(/uid=(\d+)/.exec(stdout)?.[1]);
  const gid = Number(/gid=(\d+)/.exec(stdout)?.[1]);
  return { uid, gid };
}

/** Creates, starts and returns a private cluster. */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'yiping-pg-'));
  const { uid, gid } = await postgresIds();
  await chown(dir, uid, gid);
  await chmod(dir, 0o700);
  const data = path.join(dir, 'data');
  const port = await findFreePort();
  await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c max_connections=60',
  ].join(' ');
  // With `-l` the postmaster writes to its log file, not to pg_ctl's stdout (which would keep
  // the pipe open and the call waiting for ever).
  const log = path.join(dir, 'log');
  const ctl = (...args: string[]) => asPostgres('pg_ctl', ['-D', data, '-w', '-l', log, ...args]);
  const start = () => ctl('-o', options, 'start').then(() => undefined);
  let destroyed = false;
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop: () => ctl('-m', 'fast', 'stop').then(() => undefined),
    restart: () => ctl('-m', 'fast', '-o', options, 'restart').then(() => undefined),
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await ctl('-m', 'immediate', 'stop').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
