import {
  CLUSTER_COUNT_FIELD,
  MAX_FEATURES_PER_LAYER,
  pointCellSize,
  simplifyTolerance,
  TILE_BUFFER_PX,
  TILE_EXTENT,
  type TileAddress,
} from '../domain/tile-math';
import type { SqlParams } from './sql-params';
import type { TileLayerSpec } from './tiles-layers';

/**
 * How tile bytes are made from the prepared rows: `postgis` shapes geometries with
 * ST_AsMVTGeom and aggregates them with ST_AsMVT in the database; `js` shapes them by hand in
 * SQL (the embedded PostGIS has neither function), fetches them as GeoJSON in tile
 * coordinates and encodes with vt-pbf.
 */
export type TileEncoder = 'postgis' | 'js';

/**
 * The CTE `tile` every layer query joins: the tile's Web-Mercator envelope, the envelope grown
 * by the buffer (the clip box), that box in WGS84 (to use the GiST index on `geom`), and the
 * affine map from Web Mercator to tile coordinates (origin top-left, y down).
 */
export function tileCte(tile: TileAddress, params: SqlParams): string {
  const [z, x, y] = [params.add(tile.z), params.add(tile.x), params.add(tile.y)];
  const margin = params.add(TILE_BUFFER_PX / TILE_EXTENT);
  const extent = params.add(TILE_EXTENT);
  return `tile AS MATERIALIZED (
    SELECT env, clip, ST_Transform(clip, 4326) AS area, ST_XMin(env) AS x0, ST_YMax(env) AS y0,
           ${extent}::float8 / (ST_XMax(env) - ST_XMin(env)) AS sx,
           ${extent}::float8 / (ST_YMax(env) - ST_YMin(env)) AS sy
      FROM (SELECT ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int) AS env,
                   ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int, margin => ${margin}::float8) AS clip) e
  )`;
}

const DIMENSION = { point: 1, line: 2, polygon: 3 } as const;

/**
 * The drawn geometry in integer tile coordinates, as ST_AsMVTGeom would make it (which the
 * embedded PostGIS lacks): project, clip to the buffered tile, map to tile coordinates,
 * simplify, snap to whole pixels, and orient polygons. Counter-clockwise in these y-down
 * coordinates is clockwise on screen, which is what MVT asks of exterior rings.
 */
function handGeometrySql(spec: TileLayerSpec, tile: TileAddress, params: SqlParams): string {
  const source = spec.geomSql ?? 't.geom';
  let g = `ST_ClipByBox2D(ST_Transform(${source}, 3857), tile.clip)`;
  g = `ST_Scale(ST_Translate(${g}, -tile.x0, -tile.y0), tile.sx, -tile.sy)`;
  if (spec.kind !== 'point') {
    g = `ST_Simplify(${g}, ${params.add(simplifyTolerance(tile.z))}::float8)`;
  }
  g = `ST_SnapToGrid(${g}, 1)`;
  if (spec.kind === 'polygon') g = `ST_ForcePolygonCCW(${g})`;
  return `ST_CollectionExtract(${g}, ${DIMENSION[spec.kind]})`;
}

/**
 * The same drawn geometry shaped by PostGIS's own ST_AsMVTGeom (affine map, snapping,
 * validation and orientation in one C call). Lines and polygons are clipped and simplified
 * first, as the hand path does, with the same tolerance in metres that it applies in tile
 * pixels: simplifying before clipping would move the vertices along the tile's edge.
 */
function mvtGeometrySql(spec: TileLayerSpec, tile: TileAddress, params: SqlParams): string {
  let g = `ST_Transform(${spec.geomSql ?? 't.geom'}, 3857)`;
  if (spec.kind !== 'point') {
    const tolerance = params.add(simplifyTolerance(tile.z));
    g = `ST_Simplify(ST_ClipByBox2D(${g}, tile.clip), ${tolerance}::float8 / tile.sx)`;
  }
  return `ST_AsMVTGeom(${g}, tile.env, ${params.add(TILE_EXTENT)}::int, ${params.add(TILE_BUFFER_PX)}::int, true)`;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * One layer's features in tile `tile`, one row each: the layer's columns and `geom` in tile
 * coordinates. Geometries that vanish at this zoom are dropped, then at most `maxFeatures`
 * rows are kept in `orderBy` order. Both encoders read exactly this. The box is a scalar
 * subquery so it reaches the GiST index as a parameter; `OFFSET 0` keeps the planner from
 * inlining the subquery, which would compute each geometry three times. Point layers are
 * thinned at low zoom (see {@link pointCellSize}). `from` replaces the table (alias `t`), e.g.
 * by rows shifted to GCJ-02 (api/db/tiles-shift.ts).
 */
export function layerRowsSql(
  spec: TileLayerSpec,
  tile: TileAddress,
  params: SqlParams,
  encoder: TileEncoder = 'js',
  from = `${spec.table} t`,
): string {
  const limit = params.add(spec.maxFeatures ?? MAX_FEATURES_PER_LAYER);
  const condition = spec.where ? ` AND ${spec.where(tile.z, params)}` : '';
  const names = spec.columns.map((column) => quote(column.name));
  const values = spec.columns.map((column) => `${column.sql} AS ${quote(column.name)}`);
  const geometry =
    encoder === 'postgis'
      ? mvtGeometrySql(spec, tile, params)
      : handGeometrySql(spec, tile, params);
  const rank = spec.clusterRank ? `${spec.clusterRank} AS yp_rank` : '0 AS yp_rank';
  const rows = `SELECT ${[...values, `${spec.orderBy} AS yp_key`, rank].join(', ')},
             ${geometry} AS geom
        FROM ${from} CROSS JOIN tile
       WHERE t.geom && (SELECT area FROM tile)${condition}
      OFFSET 0`;
  const cell = spec.thinned ? pointCellSize(tile.z) : null;
  if (cell === null) {
    return `SELECT ${[...names, 'geom'].join(', ')} FROM (${rows}) f
    WHERE NOT ST_IsEmpty(geom)
    ORDER BY yp_key LIMIT ${limit}`;
  }
  return thinnedRowsSql(rows, names, params.add(cell), limit);
}

/**
 * One representative per cell of `cell` tile units, the first by rank then key, with the
 * number of points in its cell as `count`.
 */
function thinnedRowsSql(rows: string, names: string[], cell: string, limit: string): string {
  const count = quote(CLUSTER_COUNT_FIELD);
  return `SELECT ${[...names, count, 'geom'].join(', ')} FROM (
      SELECT DISTINCT ON (yp_cx, yp_cy) ${names.join(', ')}, geom, yp_key,
             count(*) OVER (PARTITION BY yp_cx, yp_cy) AS ${count}
        FROM (SELECT f.*, floor(ST_X(geom) / ${cell}::int) AS yp_cx,
                     floor(ST_Y(geom) / ${cell}::int) AS yp_cy
                FROM (${rows}) f WHERE NOT ST_IsEmpty(geom)) c
       ORDER BY yp_cx, yp_cy, yp_rank, yp_key
    ) d
    ORDER BY yp_key LIMIT ${limit}`;
}
