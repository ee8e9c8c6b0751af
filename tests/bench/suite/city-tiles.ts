import type pg from 'pg';

/** A tile address. */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** The tables behind the point and area layers the city workload weighs, by collection. */
const LAYER_GEOMETRY: Record<string, string> = {
  cameras: 'SELECT geom FROM cameras',
  incidents: 'SELECT geom FROM incidents',
  grids: 'SELECT ST_PointOnSurface(geom) AS geom FROM grids',
};

/** The collections whose tiles the city workload weighs. */
export const CITY_TILE_LAYERS = Object.keys(LAYER_GEOMETRY);

/**
 * The `count` tiles at zoom `z` holding the most features of `layer` — where its heaviest
 * tiles are — found in SQL from the features' positions (Web Mercator tile arithmetic).
 */
export async function densestTiles(
  pool: pg.Pool,
  layer: string,
  z: number,
  count: number,
): Promise<TileAddress[]> {
  const source = LAYER_GEOMETRY[layer];
  if (!source) throw new Error(`no geometry known for ${layer}`);
  const { rows } = await pool.query<{ x: number; y: number }>(
    `WITH f AS (${source}),
       t AS (SELECT floor((ST_X(geom) + 180) / 360 * 2 ^ $1)::int AS x,
                    floor((1 - ln(tan(radians(ST_Y(geom))) + 1 / cos(radians(ST_Y(geom)))) / pi())
                          / 2 * 2 ^ $1)::int AS y
               FROM f)
     SELECT x, y FROM t GROUP BY x, y ORDER BY count(*) DESC LIMIT $2`,
    [z, count],
  );
  return rows.map((row) => ({ z, x: row.x, y: row.y }));
}

/** The uncompressed size of one tile (fetch undoes any content coding), or null when not 200. */
export async function tileBytes(
  origin: string,
  key: string,
  layer: string,
  tile: TileAddress,
): Promise<number | null> {
  const response = await fetch(`${origin}/tiles/${layer}/${tile.z}/${tile.x}/${tile.y}.mvt`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  const body = await response.arrayBuffer();
  if (response.status === 204) return 0;
  return response.status === 200 ? body.byteLength : null;
}

/** The heaviest tile found for one layer, and how many tiles were weighed. */
export interface HeaviestTile {
  layer: string;
  bytes: number;
  tile: TileAddress | null;
  weighed: number;
}

/**
 * Weighs the densest tiles of `source` at zooms 10–16 through the `layer` tile route (the
 * source's own layer, or a composite holding it) and returns the heaviest.
 */
export async function heaviestTile(
  pool: pg.Pool,
  api: { origin: string; key: string },
  layer: string,
  source: string,
  perZoom: number,
): Promise<HeaviestTile> {
  const heaviest: HeaviestTile = { layer, bytes: 0, tile: null, weighed: 0 };
  for (let z = 10; z <= 16; z += 1) {
    for (const tile of await densestTiles(pool, source, z, perZoom)) {
      const bytes = await tileBytes(api.origin, api.key, layer, tile);
      if (bytes === null)
        throw new Error(`/tiles/${layer}/${z}/${tile.x}/${tile.y} did not answer 200`);
      heaviest.weighed += 1;
      if (bytes > heaviest.bytes) Object.assign(heaviest, { bytes, tile });
    }
  }
  return heaviest;
}
