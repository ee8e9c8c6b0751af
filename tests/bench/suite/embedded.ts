/**
 * `embedded`: the hot tiles and items at limit 100 and 1,000 from an API on the embedded
 * database (PGlite, seeded with the district on first use into .yiping/bench-embedded/ —
 * several minutes — and reused after) beside the same requests on the PostgreSQL server,
 * interleaved, wrk -c8. Target: embedded tiles ≥ 0.5× the server's.
 */
import { figuresOf, measureRounds, ratioTarget, type Case } from './compare';
import type { ApiProcess, BenchEnv } from './env';
import { bearer, wrkContender } from './http-contenders';
import { itemsRequest, yipingItemsPath } from './items-plan';
import { hotTile, yipingTilePath } from './tile-plan';
import type { BenchOptions, Workload, WorkloadResult } from './types';

const SERVER = 'PostgreSQL server';
const EMBEDDED = 'embedded PGlite';

const REQUESTS = [
  { label: 'cameras z14 hot tile', path: yipingTilePath('cameras', hotTile(14)), tile: true },
  { label: 'grids z14 hot tile', path: yipingTilePath('grids', hotTile(14)), tile: true },
  {
    label: 'cameras items limit=100',
    path: yipingItemsPath(itemsRequest('cameras', 100)),
    tile: false,
  },
  {
    label: 'cameras items limit=1000',
    path: yipingItemsPath(itemsRequest('cameras', 1000)),
    tile: false,
  },
];

async function run(env: BenchEnv, options: BenchOptions): Promise<WorkloadResult> {
  const wrk = env.ensurePackages(['wrk']);
  if (wrk) return { figures: [], targets: [], skipped: `wrk: ${wrk}` };
  options.log(
    '  the embedded API seeds the district on first use (several minutes), then reuses it',
  );
  const embedded: ApiProcess = await env.startApi({ database: 'embedded' });
  const server = await env.startApi().catch(async (error: unknown) => {
    await embedded.stop();
    throw error;
  });
  try {
    const headers = bearer(env.adminKey);
    const cases: Case[] = REQUESTS.map(({ label, path }) => ({
      label,
      note: '-c8',
      contenders: [
        wrkContender(SERVER, server.origin, [path], options.seconds, headers),
        wrkContender(EMBEDDED, embedded.origin, [path], options.seconds, headers),
      ],
    }));
    const { measured, failures } = await measureRounds(cases, options);
    for (const [what, why] of failures) options.log(`  failed: ${what}: ${why}`);
    const targets = REQUESTS.filter((request) => request.tile).map((request) => {
      const rounds = measured.get(request.label);
      return ratioTarget({
        name: `embedded: ${request.label}`,
        target: "≥ 0.5× the server's",
        ours: rounds?.get(EMBEDDED) ?? [],
        reference: rounds?.get(SERVER) ?? [],
        atLeast: 0.5,
      });
    });
    return { figures: figuresOf('embedded', cases, measured), targets };
  } finally {
    await server.stop();
    await embedded.stop();
  }
}

/** The `embedded` workload. */
export const embeddedWorkload: Workload = { name: 'embedded', run };
