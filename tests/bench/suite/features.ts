/**
 * `features`: OGC API Features items of cameras and grids at limit 100, 1,000 and 10,000,
 * plain, with a bbox and with a CQL2 filter — from Yiping, from PostgreSQL running the app's
 * items SQL (pgbench) and from MapServer 8's OGC API Features — interleaved, wrk -c8.
 * Targets per figure: ≥ 2× MapServer (where it can answer), ≥ 1/1.3 of the database's rate.
 */
import { itemsStatements } from './app-sql';
import { figuresOf, measureRounds, ratioTarget, type Case, type Contender } from './compare';
import type { ApiProcess, BenchEnv } from './env';
import { bearer, pgbenchContender, wrkContender } from './http-contenders';
import {
  itemsRequest,
  itemsRequests,
  mapServerItemsQuery,
  yipingItemsPath,
  type ItemsRequest,
} from './items-plan';
import type { MapServer } from './mapserver/server';
import { openReferences, type References } from './references';
import type { BenchOptions, Target, Workload, WorkloadResult } from './types';

async function returned(url: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const body = (await response.json()) as { features?: unknown[] };
  return body.features?.length ?? 0;
}

/** Whether MapServer returns as many features as Yiping for a plain and a bbox request. */
async function checkMapServer(api: ApiProcess, key: string, ms: MapServer): Promise<string | null> {
  for (const request of [itemsRequest('cameras', 1000), itemsRequest('grids', 100, 'bbox')]) {
    const ours = await returned(`${api.origin}${yipingItemsPath(request)}`, bearer(key));
    const theirs = await returned(
      `${ms.origin}${ms.itemsPath(request.collection, mapServerItemsQuery(request))}`,
    );
    if (ours !== theirs) return `${request.label}: ours ${ours} features, MapServer ${theirs}`;
  }
  return null;
}

async function contendersOf(
  request: ItemsRequest,
  api: ApiProcess,
  env: BenchEnv,
  refs: References,
  seconds: number,
): Promise<Contender[]> {
  const headers = bearer(env.adminKey);
  const contenders = [
    wrkContender('Yiping', api.origin, [yipingItemsPath(request)], seconds, headers),
  ];
  if (refs.pgbench) {
    const statements = await itemsStatements(request.collection, request.query);
    contenders.push(pgbenchContender(env.databaseUrl, [statements], seconds));
  }
  const ms = refs.mapServer;
  if (ms && request.mapServer) {
    const path = ms.itemsPath(request.collection, mapServerItemsQuery(request));
    contenders.push(wrkContender('MapServer 8', ms.origin, [path], seconds));
  }
  return contenders;
}

function requestTargets(
  request: ItemsRequest,
  rounds: Map<string, number[]>,
  refs: References,
): Target[] {
  const ours = rounds.get('Yiping') ?? [];
  return [
    ratioTarget({
      name: `features: ${request.label} vs PostgreSQL`,
      target: '≥ 1/1.3 of pgbench',
      ours,
      reference: rounds.get('PostgreSQL (pgbench, same SQL)') ?? [],
      atLeast: 1 / 1.3,
      missing: refs.pgbenchMissing,
    }),
    ratioTarget({
      name: `features: ${request.label} vs MapServer`,
      target: '≥ 2× MapServer',
      ours,
      reference: rounds.get('MapServer 8') ?? [],
      atLeast: 2,
      missing: request.mapServer
        ? refs.mapServerMissing
        : "MapServer 8.0's OGC API Features has no CQL2 filter",
    }),
  ];
}

async function run(env: BenchEnv, options: BenchOptions): Promise<WorkloadResult> {
  const api = await env.startApi();
  const refs = await openReferences(env, options, (ms) => checkMapServer(api, env.adminKey, ms));
  try {
    if (refs.wrkMissing) return { figures: [], targets: [], skipped: refs.wrkMissing };
    const requests = itemsRequests(options.quick);
    const cases: Case[] = [];
    for (const request of requests) {
      const contenders = await contendersOf(request, api, env, refs, options.seconds);
      cases.push({ label: request.label, contenders, note: '-c8' });
    }
    const { measured, failures } = await measureRounds(cases, options);
    for (const [what, why] of failures) options.log(`  failed: ${what}: ${why}`);
    const targets = requests.flatMap((request) =>
      requestTargets(request, measured.get(request.label) ?? new Map(), refs),
    );
    return { figures: figuresOf('features', cases, measured), targets };
  } finally {
    await refs.close();
    await api.stop();
  }
}

/** The `features` workload. */
export const featuresWorkload: Workload = { name: 'features', run };
