/**
 * The references an HTTP workload compares with, each present or absent with the reason: wrk
 * (the load generator itself), pgbench, and MapServer 8 (installed from Debian, started, and
 * checked to serve the same data before it is measured).
 */
import type { BenchEnv } from './env';
import { startMapServer, MAPSERVER_PACKAGES, type MapServer } from './mapserver/server';
import { findPgbench } from './pgbench';
import type { BenchOptions } from './types';

/** What a workload can compare with. */
export interface References {
  /** Set when wrk cannot be installed: the workload cannot run. */
  wrkMissing?: string;
  pgbench: boolean;
  pgbenchMissing?: string;
  mapServer?: MapServer;
  mapServerMissing?: string;
  close(): Promise<void>;
}

/**
 * Opens the references; `check` confirms MapServer serves what Yiping does (null when it
 * does, else the difference), so a misconfigured MapServer is reported, never measured.
 */
export async function openReferences(
  env: BenchEnv,
  options: BenchOptions,
  check?: (mapServer: MapServer) => Promise<string | null>,
): Promise<References> {
  const wrk = env.ensurePackages(['wrk']);
  const pgbench = findPgbench() !== null;
  const refs: References = {
    pgbench,
    close: async () => refs.mapServer?.stop(),
    ...(wrk ? { wrkMissing: `wrk: ${wrk}` } : {}),
    ...(pgbench ? {} : { pgbenchMissing: 'pgbench is not installed (postgresql-contrib)' }),
  };
  const packages = env.ensurePackages(MAPSERVER_PACKAGES);
  if (packages) {
    refs.mapServerMissing = `MapServer skipped: ${packages}`;
    options.log(`  ${refs.mapServerMissing}`);
    return refs;
  }
  try {
    const mapServer = await startMapServer(env.databaseUrl);
    const difference = check ? await check(mapServer) : null;
    if (difference) {
      await mapServer.stop();
      refs.mapServerMissing = `MapServer not measured: ${difference}`;
      options.log(`  ${refs.mapServerMissing}`);
    } else {
      refs.mapServer = mapServer;
      options.log(`  MapServer 8 (2 FastCGI processes behind nginx) at ${mapServer.origin}`);
    }
  } catch (error) {
    refs.mapServerMissing = `MapServer could not start: ${(error as Error).message}`;
    options.log(`  ${refs.mapServerMissing}`);
  }
  return refs;
}
