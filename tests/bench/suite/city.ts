import pg from 'pg';
import { ensureDatabase } from './env';
import { CITY_TILE_LAYERS, heaviestTile, type HeaviestTile } from './city-tiles';
import { medianOf, overviewDirect, overviewOverHttp } from './city-overview';
import { median } from './stats';
import type { Figure, Target, Workload, WorkloadResult } from './types';
import { wrkRate } from './wrk-rate';

/** The city database: its own, beside the district one, seeded on the API's first start. */
const CITY_URL =
  process.env.BENCH_CITY_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/yiping_bench_city';
/** A composite tile set holding the heaviest point layer, weighed when the API serves it. */
const COMPOSITE = 'grids,cameras';
const TILE_LIMIT_KB = 500;
const OVERVIEW_LIMIT_MS = 50;

interface CityRounds {
  overview: number[];
  direct: number[];
  items: number[];
  failures: number;
}

/**
 * `city`: the city-scale data set (`YIPING_SEED_SCALE=city`, seeded once into its own database,
 * about two minutes on an idle machine, reused afterwards) on the server. Per round: the
 * statistics overview's latency (p50 of sequential calls) against its own statements run
 * directly, and OGC items at limit 1,000 under wrk; once: the heaviest tile of each point and
 * area layer (and of the composite, where served) over the densest tiles of zooms 10–16.
 */
export const cityWorkload: Workload = {
  name: 'city',
  async run(env, options) {
    await ensureDatabase(CITY_URL);
    const wrkMissing = env.ensurePackages(['wrk']);
    options.log('  starting the API on the city database (seeds it on first use, minutes)…');
    const api = await env.startApi({ databaseUrl: CITY_URL, env: { YIPING_SEED_SCALE: 'city' } });
    const pool = new pg.Pool({ connectionString: CITY_URL, max: 1 });
    const target = { origin: api.origin, key: env.adminKey };
    const calls = options.quick ? 10 : 30;
    const budgetMs = options.seconds * 2000;
    const rounds: CityRounds = { overview: [], direct: [], items: [], failures: 0 };
    try {
      const heaviest = await weighTiles(pool, target, options.quick ? 2 : 4, options.log);
      const items = `${api.origin}/ogc/collections/cameras/items?limit=1000`;
      for (let round = 1; round <= options.rounds; round += 1) {
        rounds.overview.push(
          await medianOf(calls, budgetMs, () => overviewOverHttp(api.origin, env.adminKey)),
        );
        rounds.direct.push(await medianOf(calls, budgetMs, () => overviewDirect(pool)));
        if (!wrkMissing) {
          const measured = await wrkRate(items, env.adminKey, options.seconds);
          rounds.items.push(measured.rate);
          rounds.failures += measured.failures;
        }
        options.log(
          `  round ${round}: overview p50 ${rounds.overview.at(-1)!.toFixed(0)} ms (statements alone ${rounds.direct.at(-1)!.toFixed(0)} ms)${wrkMissing ? '' : `, items limit=1000 ${rounds.items.at(-1)!.toFixed(1)} req/s`}`,
        );
      }
      return cityResult(rounds, heaviest, wrkMissing);
    } finally {
      await pool.end();
      await api.stop();
    }
  },
};

async function weighTiles(
  pool: pg.Pool,
  target: { origin: string; key: string },
  perZoom: number,
  log: (line: string) => void,
): Promise<HeaviestTile[]> {
  const heaviest: HeaviestTile[] = [];
  for (const layer of CITY_TILE_LAYERS) {
    heaviest.push(await heaviestTile(pool, target, layer, layer, perZoom));
  }
  const probe = await fetch(`${target.origin}/tiles/${COMPOSITE}/14/0/0.mvt`, {
    headers: { Authorization: `Bearer ${target.key}` },
  });
  await probe.arrayBuffer();
  if (probe.ok || probe.status === 204) {
    heaviest.push(await heaviestTile(pool, target, COMPOSITE, 'cameras', perZoom));
  } else log(`  no composite tiles (/tiles/${COMPOSITE}/… answered ${probe.status}): not weighed`);
  for (const tile of heaviest) {
    log(
      `  heaviest ${tile.layer} tile: ${(tile.bytes / 1024).toFixed(0)} KB (${tile.weighed} weighed)`,
    );
  }
  return heaviest;
}

function cityResult(
  rounds: CityRounds,
  heaviest: readonly HeaviestTile[],
  wrkMissing: string | null,
): WorkloadResult {
  const figures: Figure[] = [
    { workload: 'city', name: 'stats overview p50 — Yiping', unit: 'ms', rounds: rounds.overview },
    {
      workload: 'city',
      name: 'overview statements, direct',
      unit: 'ms',
      rounds: rounds.direct,
      note: 'the same repository calls on one connection, no HTTP or scope',
    },
    ...heaviest.map((tile) => ({
      workload: 'city',
      name: `heaviest ${tile.layer} tile`,
      unit: 'KB',
      rounds: [tile.bytes / 1024],
      note: `${tile.weighed} densest tiles z10–16${tile.tile ? `; ${tile.tile.z}/${tile.tile.x}/${tile.tile.y}` : ''}`,
    })),
  ];
  if (!wrkMissing) {
    figures.push({
      workload: 'city',
      name: 'cameras items limit=1000',
      unit: 'req/s',
      rounds: rounds.items,
      note: `wrk -c8 -t2${rounds.failures ? `; ${rounds.failures} failed answers` : ''}`,
    });
  }
  const overview = median(rounds.overview);
  const worst = heaviest.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const targets: Target[] = [
    {
      name: 'city: statistics overview',
      target: `≤ ${OVERVIEW_LIMIT_MS} ms`,
      value: overview,
      met: overview <= OVERVIEW_LIMIT_MS,
      detail: `p50 of sequential calls, median of rounds; the statements alone take ${median(rounds.direct).toFixed(0)} ms`,
    },
    {
      name: 'city: largest tile',
      target: `≤ ${TILE_LIMIT_KB} KB uncompressed`,
      value: worst.bytes / 1024,
      met: worst.bytes / 1024 <= TILE_LIMIT_KB,
      detail: `heaviest: ${worst.layer}${worst.tile ? ` ${worst.tile.z}/${worst.tile.x}/${worst.tile.y}` : ''}`,
    },
  ];
  if (wrkMissing)
    targets.push({
      name: 'city: items',
      target: 'measured',
      value: null,
      met: null,
      detail: wrkMissing,
    });
  return { figures, targets };
}
