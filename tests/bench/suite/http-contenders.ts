/**
 * The contenders the HTTP workloads share: a server loaded with wrk (Yiping or MapServer) and
 * the database itself running the same SQL under pgbench — all at the same concurrency.
 */
import type { Contender } from './compare';
import { runPgbench } from './pgbench';
import { runWrk } from './wrk';

/** Requests per second of `paths` cycled on `origin` under wrk -c8 -t2. */
export function wrkContender(
  name: string,
  origin: string,
  paths: readonly string[],
  seconds: number,
  headers: Record<string, string> = {},
): Contender {
  return {
    name,
    measure: async () => (await runWrk({ origin, paths, headers, seconds })).requestsPerSecond,
    warm: async () => {
      for (const path of paths)
        await fetch(`${origin}${path}`, { headers }).then((r) => r.arrayBuffer());
    },
  };
}

/**
 * Requests' worth of SQL per second under pgbench -c8 -j2: `requests` holds each request's
 * statements; each pgbench transaction runs one request's, picked at random.
 */
export function pgbenchContender(
  databaseUrl: string,
  requests: readonly (readonly string[])[],
  seconds: number,
): Contender {
  return {
    name: 'PostgreSQL (pgbench, same SQL)',
    measure: () => runPgbench({ databaseUrl, scripts: requests, seconds }),
  };
}

/** The bearer header of a key. */
export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
