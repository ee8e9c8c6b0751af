/**
 * Which tiles the bench asks for: hot tiles at the district centre (one tile asked again and
 * again, as a wall screen does) and a pan-and-zoom session z10–16 (a viewport of tiles around
 * the centre at each zoom, then panned east), cycled in order.
 */

/** A tile address. */
export interface TileXyz {
  z: number;
  x: number;
  y: number;
}

/** The district centre the bench data is seeded around (lon, lat). */
export const DISTRICT_CENTRE = [116.675, 35.4] as const;

/** The tile containing `lon, lat` at zoom `z` (Web Mercator, XYZ scheme). */
export function tileAt(lon: number, lat: number, z: number): TileXyz {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.asinh(Math.tan(rad)) / Math.PI) / 2) * n);
  return { z, x, y };
}

/** The hot tile at zoom `z`: the one over the district centre. */
export function hotTile(z: number): TileXyz {
  return tileAt(DISTRICT_CENTRE[0], DISTRICT_CENTRE[1], z);
}

/**
 * The session: at each zoom 10–16, a 4 × 3 viewport around the centre, then the two columns
 * a pan of two tiles to the east brings in — 18 tiles a zoom, 126 in all.
 */
export function sessionTiles(): TileXyz[] {
  const tiles: TileXyz[] = [];
  for (let z = 10; z <= 16; z += 1) {
    const centre = hotTile(z);
    for (let dx = -2; dx <= 3; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) tiles.push({ z, x: centre.x + dx, y: centre.y + dy });
    }
  }
  return tiles;
}

/** Yiping's tile path of a tile set (`cameras`, `basemap`, `grids,cameras`). */
export function yipingTilePath(set: string, { z, x, y }: TileXyz): string {
  return `/tiles/${set}/${z}/${x}/${y}.mvt`;
}
