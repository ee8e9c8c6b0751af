/**
 * `scoped`: the same tile and items requests with a key scoped to one community and with the
 * admin key over the whole district, interleaved on one API process (wrk -c8). The requests
 * sit inside the community (its hot tile, a bbox of it), so both keys get features back.
 * Target: scoped ≥ 0.8× unscoped.
 */
import { figuresOf, measureRounds, ratioTarget, type Case } from './compare';
import type { ApiProcess, BenchEnv } from './env';
import { bearer, wrkContender } from './http-contenders';
import { itemsRequest, yipingItemsPath } from './items-plan';
import { tileAt, yipingTilePath } from './tile-plan';
import type { BenchOptions, Workload, WorkloadResult } from './types';

type Position = number[];
interface AreaFeature {
  geometry: { type: string; coordinates: Position[][] | Position[][][] };
}

/** The bounding box of the community's area, read through the app as the admin. */
async function communityBox(api: ApiProcess, key: string, code: string): Promise<number[]> {
  const response = await fetch(`${api.origin}/ogc/collections/admin-areas/items/${code}`, {
    headers: bearer(key),
  });
  if (!response.ok) throw new Error(`admin area ${code}: HTTP ${response.status}`);
  const area = (await response.json()) as AreaFeature;
  const points = (area.geometry.coordinates as unknown[]).flat(3) as number[];
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** The paths both keys request, inside the community's box. */
function scopedPaths(box: number[]): { label: string; path: string }[] {
  const [west, south, east, north] = box as [number, number, number, number];
  const tile = tileAt((west + east) / 2, (south + north) / 2, 14);
  const gridsInBox = itemsRequest('grids', 100);
  gridsInBox.query.bbox = box.map((n) => n.toFixed(6)).join(',');
  return [
    { label: 'cameras z14 tile', path: yipingTilePath('cameras', tile) },
    { label: 'grids z14 tile', path: yipingTilePath('grids', tile) },
    { label: 'cameras items limit=100', path: yipingItemsPath(itemsRequest('cameras', 100)) },
    { label: 'grids items limit=100 bbox', path: yipingItemsPath(gridsInBox) },
  ];
}

async function run(env: BenchEnv, options: BenchOptions): Promise<WorkloadResult> {
  const wrk = env.ensurePackages(['wrk']);
  if (wrk) return { figures: [], targets: [], skipped: `wrk: ${wrk}` };
  const api = await env.startApi();
  try {
    const { key, community } = await env.communityKey(api);
    const box = await communityBox(api, env.adminKey, community);
    const paths = scopedPaths(box);
    const cases: Case[] = paths.map(({ label, path }) => ({
      label,
      note: `community ${community}, -c8`,
      contenders: [
        wrkContender(
          'admin key (district)',
          api.origin,
          [path],
          options.seconds,
          bearer(env.adminKey),
        ),
        wrkContender('community key', api.origin, [path], options.seconds, bearer(key)),
      ],
    }));
    const { measured, failures } = await measureRounds(cases, options);
    for (const [what, why] of failures) options.log(`  failed: ${what}: ${why}`);
    const targets = cases.map((item) => {
      const rounds = measured.get(item.label);
      return ratioTarget({
        name: `scoped: ${item.label}`,
        target: '≥ 0.8× unscoped',
        ours: rounds?.get('community key') ?? [],
        reference: rounds?.get('admin key (district)') ?? [],
        atLeast: 0.8,
      });
    });
    return { figures: figuresOf('scoped', cases, measured), targets };
  } finally {
    await api.stop();
  }
}

/** The `scoped` workload. */
export const scopedWorkload: Workload = { name: 'scoped', run };
