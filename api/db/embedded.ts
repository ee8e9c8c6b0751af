import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { systemClock } from '../domain/clock';
import { guardSocketServer } from './socket-guard';

/** A running embedded PostgreSQL + PostGIS, reachable over the wire protocol on loopback. */
export interface EmbeddedPostgres {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/** Refuses to open a data directory that another live process holds: two writers corrupt it. */
async function lockDataDir(dir: string): Promise<string> {
  const lockFile = path.join(dir, 'yiping.pid');
  const holder = Number(await readFile(lockFile, 'utf8').catch(() => ''));
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The data directory ${dir} is in use by process ${holder}. Stop that process or set YIPING_DATA_DIR to another directory.`,
    );
  }
  await writeFile(lockFile, String(process.pid));
  return lockFile;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when `dataDir` already holds a database (the start will be quick). */
export function hasEmbeddedData(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'pgdata.created'));
}

/**
 * Starts PGlite with PostGIS on `dataDir` and a pglite-socket server bound to 127.0.0.1 on a
 * free port. pglite-socket serialises transactions across its connections, so callers keep
 * transactions short; a connection that breaks rolls its transaction back and frees its slot.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  maxConnections: number,
): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = await lockDataDir(dataDir);
  const pgdata = path.join(dataDir, 'pgdata');
  const marker = path.join(dataDir, 'pgdata.created');
  // A first start killed while PGlite ran initdb leaves a half-made cluster with no data in it.
  if (existsSync(pgdata) && !existsSync(marker)) await rm(pgdata, { recursive: true, force: true });
  const db = await PGlite.create({ dataDir: pgdata, extensions: { postgis } });
  await writeFile(marker, systemClock.now().toISOString());
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  guardSocketServer(server);
  const [host, port] = server.getServerConn().split(':');
  return {
    host: host ?? '127.0.0.1',
    port: Number(port),
    async stop() {
      await server.stop();
      await db.close();
      await rm(lockFile, { force: true });
    },
  };
}
