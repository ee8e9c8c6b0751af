import type { Geometry } from 'geojson';
import { convertGeometry } from '../domain/china-crs';
import { TILE_BUFFER_PX, TILE_EXTENT, type TileAddress } from '../domain/tile-math';
import type { BasemapCrs } from '../config-basemap';
import type { Queryable } from './queryable';
import { SqlParams } from './sql-params';
import type { TileLayerSpec } from './tiles-layers';

/**
 * Degrees the WGS84 search box is grown by around a GCJ-02 tile: GCJ-02 moves points in China
 * by less than 700 m (under 0.007°), so every feature that lands in the tile after the shift
 * lies within this margin before it.
 */
const SHIFT_MARGIN_DEG = 0.01;

interface SourceRow {
  row: Record<string, unknown>;
  geom: string;
}

/**
 * The rows of a layer's table that may fall in `tile` once shifted, as the caller may see
 * them (row-level security applies: run it on the scoped client), with `geom` converted
 * vertex by vertex from WGS84 to `crs` by gcoord (api/domain/china-crs.ts). Each row is the
 * table's own columns, `geom` as GeoJSON text.
 */
export async function readShiftedRows(
  client: Queryable,
  spec: TileLayerSpec,
  tile: TileAddress,
  crs: BasemapCrs,
): Promise<Record<string, unknown>[]> {
  const params = new SqlParams();
  const envelope = `ST_TileEnvelope(${params.add(tile.z)}::int, ${params.add(tile.x)}::int, ${params.add(tile.y)}::int, margin => ${params.add(TILE_BUFFER_PX / TILE_EXTENT)}::float8)`;
  const box = `ST_Expand(ST_Transform(${envelope}, 4326), ${params.add(SHIFT_MARGIN_DEG)}::float8)`;
  const condition = spec.where ? ` AND ${spec.where(tile.z, params)}` : '';
  const result = await client.query<SourceRow>(
    `SELECT to_jsonb(t) - 'geom' AS row, ST_AsGeoJSON(t.geom, 9) AS geom
       FROM ${spec.table} t
      WHERE t.geom && (SELECT ${box})${condition}`,
    params.values,
  );
  return result.rows.map(({ row, geom }) => ({
    ...row,
    geom: JSON.stringify(convertGeometry(JSON.parse(geom) as Geometry, 'wgs84', crs)),
  }));
}

/**
 * A FROM item standing in for the layer's table (alias `t`) over rows from
 * {@link readShiftedRows}: the table's row type, so every column expression of the layer reads
 * as it does on the table itself.
 */
export function shiftedFromSql(
  spec: TileLayerSpec,
  rows: readonly Record<string, unknown>[],
  params: SqlParams,
): string {
  const geom = `encode(ST_AsEWKB(ST_SetSRID(ST_GeomFromGeoJSON(e->>'geom'), 4326)), 'hex')`;
  return `(SELECT r.* FROM jsonb_array_elements(${params.add(JSON.stringify(rows))}::jsonb) e
      CROSS JOIN LATERAL jsonb_populate_record(NULL::${spec.table}, e || jsonb_build_object('geom', ${geom})) r) t`;
}
