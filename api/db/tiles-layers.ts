import type { TileFieldType, VectorLayer } from '../domain/tile-json';
import {
  CLUSTER_COUNT_FIELD,
  POINT_CELL_PX,
  POINT_CLUSTER_BELOW_ZOOM,
  TILEJSON_MAX_ZOOM,
} from '../domain/tile-math';
import { propertySql, type Collection, type PropertyType } from './collections';
import type { SqlParams } from './sql-params';

/** One attribute of a tile layer: its name in the tile and the SQL that reads it (alias `t`). */
export interface TileColumn {
  name: string;
  sql: string;
  field: TileFieldType;
}

/**
 * What one layer of a tile reads: the table (alias `t`, filtered by its GiST-indexed `geom`),
 * the attributes, the geometry to draw and the order that decides which features a full tile
 * keeps. Both tile encoders read the same specification through the same SQL.
 */
export interface TileLayerSpec {
  name: string;
  description: string;
  table: string;
  kind: 'point' | 'line' | 'polygon';
  columns: readonly TileColumn[];
  /** The geometry drawn, when it is not `t.geom` itself (e.g. a label point). */
  geomSql?: string;
  /** A unique key over `t`: features past the per-tile limit are dropped in this order. */
  orderBy: string;
  minZoom: number;
  /** Features kept per tile; MAX_FEATURES_PER_LAYER unless a layer needs fewer. */
  maxFeatures?: number;
  /** A point layer thinned below POINT_CLUSTER_BELOW_ZOOM (collections; not the labels). */
  thinned?: boolean;
  /**
   * Which point of a thinning cell represents it at low zoom (ascending SQL over `t`, before
   * the key): e.g. open and severe incidents before closed ones.
   */
  clusterRank?: string;
  /** An extra condition for zoom `z`, e.g. which admin levels get labels. */
  where?: (z: number, params: SqlParams) => string;
}

const FIELD_TYPES: Record<PropertyType, TileFieldType> = {
  string: 'String',
  datetime: 'String',
  integer: 'Number',
  number: 'Number',
  boolean: 'Boolean',
};

const KINDS: Record<Collection['geometryType'], TileLayerSpec['kind']> = {
  Point: 'point',
  LineString: 'line',
  Polygon: 'polygon',
  MultiPolygon: 'polygon',
};

/** Times travel as ISO-8601 UTC text: MVT has no time type, and text keeps both encoders equal. */
const isoText = (sql: string) =>
  `to_char((${sql}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * The tile layer of a collection: named after the collection, carrying its properties except
 * `notInTiles` ones, plus `id` (the feature id, as in GeoJSON).
 */
export function collectionTileLayer(collection: Collection): TileLayerSpec {
  const columns: TileColumn[] = collection.properties
    .filter((property) => !property.notInTiles)
    .map((property) => {
      const sql = propertySql(property);
      return {
        name: property.name,
        sql: property.type === 'datetime' ? isoText(sql) : sql,
        field: FIELD_TYPES[property.type],
      };
    });
  if (!columns.some((column) => column.name === 'id')) {
    const field = collection.idType === 'integer' ? 'Number' : 'String';
    columns.push({ name: 'id', sql: `t.${collection.idColumn}`, field });
  }
  return {
    name: collection.id,
    description: `${collection.title}. ${collection.description}`,
    table: collection.table,
    kind: KINDS[collection.geometryType],
    columns,
    orderBy: `t.${collection.keyColumn}`,
    minZoom: collection.minZoom,
    thinned: collection.geometryType === 'Point',
    ...(collection.tileClusterRank ? { clusterRank: collection.tileClusterRank } : {}),
  };
}

const THINNING_NOTE = ` Below zoom ${POINT_CLUSTER_BELOW_ZOOM} points are thinned to one per ${POINT_CELL_PX / 8}-pixel cell; \`${CLUSTER_COUNT_FIELD}\` is how many points it stands for. 低缩放级别下点位按网格抽稀，count 为所代表的点数。`;

/**
 * The TileJSON description of a tile layer. Point layers also list `count`, which their
 * features carry below POINT_CLUSTER_BELOW_ZOOM.
 */
export function vectorLayerOf(spec: TileLayerSpec): VectorLayer {
  const fields = Object.fromEntries(spec.columns.map((column) => [column.name, column.field]));
  const thinned = spec.thinned === true && spec.minZoom < POINT_CLUSTER_BELOW_ZOOM;
  return {
    id: spec.name,
    description: thinned ? spec.description + THINNING_NOTE : spec.description,
    minzoom: spec.minZoom,
    maxzoom: TILEJSON_MAX_ZOOM,
    fields: thinned ? { ...fields, [CLUSTER_COUNT_FIELD]: 'Number' } : fields,
  };
}
