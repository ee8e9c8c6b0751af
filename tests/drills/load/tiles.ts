import { tileAt } from '../../../api/domain/tile-math';
import type { District, DrillKey } from './setup';

/** Tile sets the readers ask for: the basemap and the map's collections. */
const TILE_SETS = ['basemap', 'admin-areas', 'grids', 'buildings', 'roads', 'incidents', 'cameras'];
const ZOOMS = [13, 14, 15];

export interface TileTally {
  /** 200 (a tile) or 204 (nothing there). */
  served: number;
  /** Other statuses by status (`0`: the connection failed). */
  statuses: Map<number, number>;
}

/** Random tiles across the district at street zooms, one after another until `until`. */
export async function readTilesUntil(
  base: string,
  keys: DrillKey[],
  district: District,
  until: number,
  tally: TileTally,
): Promise<void> {
  let n = 0;
  while (Date.now() < until) {
    const key = keys[n % keys.length]!;
    const set = TILE_SETS[Math.floor(Math.random() * TILE_SETS.length)]!;
    const z = ZOOMS[Math.floor(Math.random() * ZOOMS.length)]!;
    const [west, south, east, north] = district.bounds;
    const lng = west + Math.random() * (east - west);
    const lat = south + Math.random() * (north - south);
    const { x, y } = tileAt([lng, lat], z);
    const status = await fetchTile(`${base}tiles/${set}/${z}/${x}/${y}.mvt`, key);
    if (status === 200 || status === 204) tally.served += 1;
    else tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
    n += 1;
  }
}

async function fetchTile(url: string, key: DrillKey): Promise<number> {
  try {
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${key.key}`, 'Accept-Encoding': 'gzip' },
      signal: AbortSignal.timeout(60_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}
