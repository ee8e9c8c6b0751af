import type { Geometry } from 'geojson';
import { encodeTile, type TileValue } from '../domain/tile-encode';
import { TILE_EXTENT, type TileAddress } from '../domain/tile-math';
import type { BasemapCrs } from '../config-basemap';
import type { Capabilities } from './database';
import { SqlParams } from './sql-params';
import { layerRowsSql, tileCte, type TileEncoder } from './tiles-sql';
import type { TileLayerSpec } from './tiles-layers';
import { readShiftedRows, shiftedFromSql } from './tiles-shift';
import type { Queryable } from './queryable';

export type { TileEncoder } from './tiles-sql';

/** ST_AsMVT where the server has it (PostGIS built with protobuf), the JS encoder elsewhere. */
export function tileEncoderFor(capabilities: Capabilities): TileEncoder {
  return capabilities.mvt ? 'postgis' : 'js';
}

/**
 * The Mapbox Vector Tile of `layers` at `tile`, in one query. Layers below their minimum zoom
 * are left out; a tile with no features is zero bytes. Run it inside `withScope` so
 * row-level security limits every layer to the caller's areas. With `crs` gcj02 the tile is
 * addressed and drawn in GCJ-02 (over a Gaode-like basemap): each layer's rows are read first,
 * shifted vertex by vertex in JavaScript, then shaped by the same SQL as unshifted tiles.
 */
export async function renderTile(
  client: Queryable,
  layers: readonly TileLayerSpec[],
  tile: TileAddress,
  encoder: TileEncoder,
  crs: BasemapCrs = 'wgs84',
): Promise<Uint8Array> {
  const shown = layers.filter((layer) => tile.z >= layer.minZoom);
  if (!shown.length) return new Uint8Array();
  const sources = crs === 'wgs84' ? undefined : await shiftedSources(client, shown, tile, crs);
  return encoder === 'postgis'
    ? renderWithPostgis(client, shown, tile, sources)
    : renderWithJs(client, shown, tile, sources);
}

/** Per layer, the shifted rows it reads instead of its table. */
type ShiftedSources = readonly Record<string, unknown>[][];

async function shiftedSources(
  client: Queryable,
  layers: readonly TileLayerSpec[],
  tile: TileAddress,
  crs: BasemapCrs,
): Promise<ShiftedSources> {
  const sources: Record<string, unknown>[][] = [];
  for (const layer of layers) sources.push(await readShiftedRows(client, layer, tile, crs));
  return sources;
}

/** The FROM item of layer `index`: its table, or its shifted rows. */
function fromOf(
  layer: TileLayerSpec,
  index: number,
  params: SqlParams,
  sources: ShiftedSources | undefined,
): string | undefined {
  const rows = sources?.[index];
  return rows ? shiftedFromSql(layer, rows, params) : undefined;
}

async function renderWithPostgis(
  client: Queryable,
  layers: readonly TileLayerSpec[],
  tile: TileAddress,
  sources?: ShiftedSources,
): Promise<Uint8Array> {
  const params = new SqlParams();
  const cte = tileCte(tile, params);
  const extent = params.add(TILE_EXTENT);
  const parts = layers.map(
    (layer, index) =>
      `(SELECT coalesce(ST_AsMVT(r, ${params.add(layer.name)}::text, ${extent}::int, 'geom'), ''::bytea)
          FROM (${layerRowsSql(layer, tile, params, 'postgis', fromOf(layer, index, params, sources))}) r)`,
  );
  const result = await client.query<{ mvt: Buffer }>(
    `WITH ${cte} SELECT ${parts.join(' || ')} AS mvt`,
    params.values,
  );
  const bytes = result.rows[0]?.mvt;
  return bytes
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array();
}

interface PreparedRow {
  layer: number;
  geometry: string;
  properties: Record<string, TileValue>;
}

async function renderWithJs(
  client: Queryable,
  layers: readonly TileLayerSpec[],
  tile: TileAddress,
  sources?: ShiftedSources,
): Promise<Uint8Array> {
  const params = new SqlParams();
  const cte = tileCte(tile, params);
  const parts = layers.map(
    (layer, index) =>
      `SELECT ${index} AS layer, ST_AsGeoJSON(r.geom) AS geometry, to_jsonb(r) - 'geom' AS properties
         FROM (${layerRowsSql(layer, tile, params, 'js', fromOf(layer, index, params, sources))}) r`,
  );
  const result = await client.query<PreparedRow>(
    `WITH ${cte} ${parts.map((part) => `(${part})`).join(' UNION ALL ')}`,
    params.values,
  );
  const features = layers.map(
    () => [] as { geometry: Geometry; properties: PreparedRow['properties'] }[],
  );
  for (const row of result.rows) {
    features[row.layer]?.push({ geometry: JSON.parse(row.geometry), properties: row.properties });
  }
  return encodeTile(
    layers.map((layer, index) => ({ name: layer.name, features: features[index] ?? [] })),
  );
}
