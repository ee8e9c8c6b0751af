/**
 * The MapServer 8 mapfile and config file the bench serves the same tables with: one PostGIS
 * layer per collection (the app's tile columns, from its catalog), MVT as the image type for
 * `mode=tile`, and OGC API Features enabled for every layer.
 */
import { findCollection } from '../../../../api/db/collections';
import { collectionTileLayer, type TileLayerSpec } from '../../../../api/db/tiles-layers';

/** The collections MapServer serves (the tables both servers read). */
export const MAPSERVER_LAYERS = ['grids', 'cameras', 'incidents'] as const;

const TYPES: Record<TileLayerSpec['kind'], string> = {
  point: 'POINT',
  line: 'LINE',
  polygon: 'POLYGON',
};

/** libpq keywords for a postgres:// URL (MapServer's CONNECTION takes no URLs). */
export function libpqConnection(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const parts = {
    host: url.hostname,
    port: url.port || '5432',
    dbname: decodeURIComponent(url.pathname.slice(1)),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
  };
  return Object.entries(parts)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
}

/**
 * A column of the app's tile layer as MapServer reads it: the plain column it is made from
 * (times stay timestamps: MapServer formats them itself, and the mapfile string cannot carry
 * the app's quoted format text).
 */
function columnSql(sql: string, name: string): string {
  const column = /\bt\.([a-z_]+)/.exec(sql)?.[1] ?? name;
  return column === name ? `t.${column}` : `t.${column} AS ${name}`;
}

function layerBlock(id: string, connection: string): string {
  const collection = findCollection(id);
  if (!collection) throw new Error(`no collection ${id}`);
  const spec = collectionTileLayer(collection);
  const columns = spec.columns.map((column) => columnSql(column.sql, column.name));
  const data = `geom FROM (SELECT ${columns.join(', ')}, t.geom FROM ${spec.table} t) AS sub USING UNIQUE id USING SRID=4326`;
  return `
  LAYER
    NAME "${id}"
    TYPE ${TYPES[spec.kind]}
    STATUS ON
    CONNECTIONTYPE POSTGIS
    CONNECTION "${connection}"
    PROCESSING "CLOSE_CONNECTION=DEFER"
    DATA "${data}"
    PROJECTION "init=epsg:4326" END
    TEMPLATE "none"
    METADATA
      "ows_title" "${id}"
      "gml_include_items" "all"
      "gml_exclude_items" "geom"
      "gml_featureid" "id"
      "gml_types" "auto"
    END
    CLASS
      NAME "${id}"
      STYLE END
    END
  END`;
}

/** The mapfile: `origin` is where nginx serves `/mapserv` (for OGC API links). */
export function mapfileText(databaseUrl: string, origin: string): string {
  const connection = libpqConnection(databaseUrl);
  return `MAP
  NAME "yiping"
  EXTENT -180 -85 180 85
  SIZE 256 256
  UNITS DD
  IMAGETYPE "mvt"
  PROJECTION "init=epsg:4326" END
  OUTPUTFORMAT
    NAME "mvt"
    DRIVER MVT
    FORMATOPTION "EXTENT=4096"
    FORMATOPTION "EDGE_BUFFER=4"
  END
  WEB
    METADATA
      "ows_title" "Yiping bench"
      "ows_enable_request" "*"
      "oga_enable_request" "*"
      "oga_onlineresource" "${origin}/mapserv/yiping/ogcapi"
      "oga_max_limit" "10000"
      "ows_srs" "EPSG:4326 EPSG:3857"
    END
  END
${MAPSERVER_LAYERS.map((id) => layerBlock(id, connection)).join('\n')}
END
`;
}

/** MapServer 8's required config file: the mapfile under the key `yiping`. */
export function configText(mapfile: string, errorFile: string): string {
  return `CONFIG
  ENV
    MS_MAPFILE "${mapfile}"
    MS_ERRORFILE "${errorFile}"
    OGCAPI_HTML_TEMPLATE_DIRECTORY "/usr/share/mapserver/ogcapi/templates/html-plain/"
  END
  MAPS
    yiping "${mapfile}"
  END
END
`;
}
