/**
 * `tiles`: hot tiles and a pan-and-zoom session (z10–16) for grids, cameras, incidents, the
 * basemap and a composite, from Yiping, from PostgreSQL running the same tile SQL (pgbench) and
 * from MapServer 8 serving the same tables as MVT — interleaved round by round, wrk -c8.
 * Targets per figure: ≥ 2× MapServer, and ≥ 1/1.3 of the database's own rate.
 */
import { tileStatements } from './app-sql';
import { figuresOf, measureRounds, ratioTarget, type Case, type Contender } from './compare';
import type { ApiProcess, BenchEnv } from './env';
import { bearer, pgbenchContender, wrkContender } from './http-contenders';
import { MAPSERVER_LAYERS } from './mapserver/mapfile';
import type { MapServer } from './mapserver/server';
import { openReferences, type References } from './references';
import { compareCounts, fetchFeatureCounts } from './tile-check';
import { hotTile, sessionTiles, yipingTilePath, type TileXyz } from './tile-plan';
import type { BenchOptions, Target, Workload, WorkloadResult } from './types';

const COMPOSITE = 'grids,cameras';

/** One tile figure: a set of layers over a list of tiles. */
interface TileCase {
  label: string;
  set: string;
  tiles: TileXyz[];
}

function tileCases(quick: boolean): TileCase[] {
  const hot = (set: string, z: number): TileCase => ({
    label: `${set} z${z} hot tile`,
    set,
    tiles: [hotTile(z)],
  });
  const session = (set: string): TileCase => ({
    label: `${set} session z10–16`,
    set,
    tiles: sessionTiles(),
  });
  const hots = quick
    ? [hot('cameras', 14), hot('grids', 14)]
    : [12, 14, 16]
        .flatMap((z) => [hot('cameras', z), hot('grids', z)])
        .concat(hot('incidents', 14));
  const sets = ['grids', 'cameras', 'incidents', 'basemap', COMPOSITE];
  return [...hots, ...sets.map(session)];
}

const servedByMapServer = (set: string) =>
  set.split(',').every((layer) => (MAPSERVER_LAYERS as readonly string[]).includes(layer));

/** Whether MapServer's tiles hold what ours do (z14 hot tiles of grids and cameras). */
async function checkMapServer(
  api: ApiProcess,
  key: string,
  ms: MapServer,
  log: (line: string) => void,
): Promise<string | null> {
  for (const set of ['cameras', 'grids']) {
    const { z, x, y } = hotTile(14);
    const ours = await fetchFeatureCounts(
      `${api.origin}${yipingTilePath(set, { z, x, y })}`,
      bearer(key),
    );
    const theirs = await fetchFeatureCounts(`${ms.origin}${ms.tilePath(set, z, x, y)}`);
    log(`  z14 ${set} tile features: Yiping ${ours[set] ?? 0}, MapServer ${theirs[set] ?? 0}`);
    const difference = compareCounts(ours, theirs);
    if (difference) return `MapServer's z14 ${set} tile differs from ours (${difference})`;
  }
  return null;
}

async function contendersOf(
  item: TileCase,
  api: ApiProcess,
  env: BenchEnv,
  refs: References,
  seconds: number,
): Promise<Contender[]> {
  const paths = item.tiles.map((tile) => yipingTilePath(item.set, tile));
  const contenders = [wrkContender('Yiping', api.origin, paths, seconds, bearer(env.adminKey))];
  if (refs.pgbench) {
    const requests = await Promise.all(
      item.tiles.map(({ z, x, y }) => tileStatements(item.set, z, x, y)),
    );
    contenders.push(pgbenchContender(env.databaseUrl, requests, seconds));
  }
  const ms = refs.mapServer;
  if (ms && servedByMapServer(item.set)) {
    const msPaths = item.tiles.map(({ z, x, y }) => ms.tilePath(item.set, z, x, y));
    contenders.push(wrkContender('MapServer 8', ms.origin, msPaths, seconds));
  }
  return contenders;
}

/** The targets of one case: vs MapServer (where it serves the set) and vs the database. */
function caseTargets(item: TileCase, rounds: Map<string, number[]>, refs: References): Target[] {
  const ours = rounds.get('Yiping') ?? [];
  const targets = [
    ratioTarget({
      name: `tiles: ${item.label} vs PostgreSQL`,
      target: '≥ 1/1.3 of pgbench',
      ours,
      reference: rounds.get('PostgreSQL (pgbench, same SQL)') ?? [],
      atLeast: 1 / 1.3,
      missing: refs.pgbenchMissing,
    }),
  ];
  if (servedByMapServer(item.set)) {
    targets.push(
      ratioTarget({
        name: `tiles: ${item.label} vs MapServer`,
        target: '≥ 2× MapServer',
        ours,
        reference: rounds.get('MapServer 8') ?? [],
        atLeast: 2,
        missing: refs.mapServerMissing,
      }),
    );
  }
  return targets;
}

async function run(env: BenchEnv, options: BenchOptions): Promise<WorkloadResult> {
  const api = await env.startApi();
  const refs = await openReferences(env, options, (ms) =>
    checkMapServer(api, env.adminKey, ms, options.log),
  );
  try {
    if (refs.wrkMissing) return { figures: [], targets: [], skipped: refs.wrkMissing };
    const composite = await fetch(`${api.origin}${yipingTilePath(COMPOSITE, hotTile(14))}`, {
      headers: bearer(env.adminKey),
    });
    const compositeServed = composite.status !== 404;
    const all = tileCases(options.quick);
    const chosen = all.filter((item) => compositeServed || item.set !== COMPOSITE);
    const cases: Case[] = [];
    for (const item of chosen) {
      const contenders = await contendersOf(item, api, env, refs, options.seconds);
      cases.push({ label: item.label, contenders, note: `${item.tiles.length} tile(s), -c8` });
    }
    const { measured, failures } = await measureRounds(cases, options);
    for (const [what, why] of failures) options.log(`  failed: ${what}: ${why}`);
    const targets = chosen.flatMap((item) =>
      caseTargets(item, measured.get(item.label) ?? new Map(), refs),
    );
    if (!compositeServed) {
      targets.push({
        name: `tiles: ${COMPOSITE} composite`,
        target: 'served',
        value: null,
        met: null,
        detail: `/tiles/${COMPOSITE}/… answers 404: composite tiles are not served yet`,
      });
    }
    return { figures: figuresOf('tiles', cases, measured), targets };
  } finally {
    await refs.close();
    await api.stop();
  }
}

/** The `tiles` workload. */
export const tilesWorkload: Workload = { name: 'tiles', run };
