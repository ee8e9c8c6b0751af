import type { Feature } from 'geojson';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import type { FileCrs } from '../contract/imports';
import { cellText, type ExportField, type ExportLayer, idColumnNeeded } from './write-fields';
import { type Envelope, gpkgGeometry, unionEnvelope, envelopeOf } from './write-gpkg-geometry';

/** `GPKG` read as a big-endian 32-bit integer: the SQLite application_id of a GeoPackage. */
const APPLICATION_ID = 0x47504b47;
/** GeoPackage 1.2.0. */
const USER_VERSION = 10200;

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';
const CGCS2000_WKT =
  'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4490"]]';

/** The spatial reference rows every file carries (the two undefined ones are required). */
const SPATIAL_REF_SYS: SqlValue[][] = [
  [
    'Undefined cartesian SRS',
    -1,
    'NONE',
    -1,
    'undefined',
    'undefined cartesian coordinate reference system',
  ],
  [
    'Undefined geographic SRS',
    0,
    'NONE',
    0,
    'undefined',
    'undefined geographic coordinate reference system',
  ],
  [
    'WGS 84 geodetic',
    4326,
    'EPSG',
    4326,
    WGS84_WKT,
    'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid',
  ],
  [
    'China Geodetic Coordinate System 2000',
    4490,
    'EPSG',
    4490,
    CGCS2000_WKT,
    'CGCS2000 longitude/latitude',
  ],
];

/**
 * The srs_id of each file CRS. GCJ-02 and BD-09 have no EPSG code: they are written as 4326 and
 * the table's description says the coordinates are offset (non-standard).
 */
const SRS_ID: Record<FileCrs, number> = { wgs84: 4326, cgcs2000: 4490, gcj02: 4326, bd09: 4326 };

const CRS_NOTE: Record<FileCrs, string> = {
  wgs84: 'WGS 84 (EPSG:4326).',
  cgcs2000: 'CGCS2000 (EPSG:4490).',
  gcj02:
    '坐标为 GCJ-02（高德/腾讯，非标准，以 EPSG:4326 标注）。Coordinates are GCJ-02 (Gaode/Tencent offset, non-standard), labelled EPSG:4326.',
  bd09: '坐标为 BD-09（百度，非标准，以 EPSG:4326 标注）。Coordinates are BD-09 (Baidu offset, non-standard), labelled EPSG:4326.',
};

const COLUMN_TYPE: Record<ExportField['type'], string> = {
  string: 'TEXT',
  integer: 'INTEGER',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  datetime: 'DATETIME',
};

let sqlModule: ReturnType<typeof initSqlJs> | undefined;

/** GeoPackage table and column names: the collection id with `_` for `-`, quoted. */
const quoted = (name: string) => `"${name.replace(/-/g, '_').replace(/"/g, '""')}"`;

/** The table (and layer) name a collection gets in a GeoPackage: `service-points` → `service_points`. */
export const gpkgTableName = (layer: string) => layer.replace(/-/g, '_');

function cellValue(field: ExportField, value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (field.type === 'boolean') return value ? 1 : 0;
  if (field.type === 'datetime') return new Date(String(value)).toISOString();
  if ((field.type === 'integer' || field.type === 'number') && typeof value === 'number')
    return value;
  return cellText(value);
}

function createTables(db: Database, layer: ExportLayer): void {
  const columns = [
    ...(idColumnNeeded(layer) ? ['id TEXT'] : []),
    ...layer.fields.map((f) => `${quoted(f.name)} ${COLUMN_TYPE[f.type]}`),
  ];
  db.run(`PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = ${USER_VERSION};
    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
      organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
      definition TEXT NOT NULL, description TEXT);
    CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
      identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL,
      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
      CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
      geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,
      m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));
    CREATE TABLE ${quoted(layer.name)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom ${layer.geometryType.toUpperCase()},
      ${columns.join(', ')});`);
  for (const row of SPATIAL_REF_SYS)
    db.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)', row);
}

function insertFeatures(db: Database, layer: ExportLayer, features: Feature[]): Envelope | null {
  const withId = idColumnNeeded(layer);
  const marks = [...(withId ? [''] : []), ...layer.fields].map(() => ', ?').join('');
  const insert = db.prepare(`INSERT INTO ${quoted(layer.name)} VALUES (NULL, ?${marks})`);
  let extent: Envelope | null = null;
  for (const feature of features) {
    const geometry = feature.geometry ? gpkgGeometry(feature.geometry, SRS_ID[layer.crs]) : null;
    if (feature.geometry) extent = unionEnvelope(extent, envelopeOf(feature.geometry));
    const properties = feature.properties ?? {};
    const cells = layer.fields.map((field) => cellValue(field, properties[field.name]));
    insert.run([geometry, ...(withId ? [cellText(feature.id)] : []), ...cells]);
  }
  insert.free();
  return extent;
}

/**
 * A GeoPackage 1.2 file of one features table (`fid`, `geom`, `id` unless a property has that
 * name, then the layer's fields),
 * written with SQLite compiled to WebAssembly (sql.js). `lastChange` fills gpkg_contents, so
 * the same features and time give the same bytes.
 */
export async function writeGeoPackage(
  layer: ExportLayer,
  features: Feature[],
  lastChange: Date,
): Promise<Uint8Array> {
  sqlModule ??= initSqlJs();
  const db = new (await sqlModule).Database();
  try {
    createTables(db, layer);
    db.run('BEGIN');
    const extent = insertFeatures(db, layer, features);
    const srsId = SRS_ID[layer.crs];
    db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [
      gpkgTableName(layer.name),
      'geom',
      layer.geometryType.toUpperCase(),
      srsId,
    ]);
    db.run('INSERT INTO gpkg_contents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      gpkgTableName(layer.name),
      'features',
      layer.title,
      CRS_NOTE[layer.crs],
      lastChange.toISOString(),
      extent?.[0] ?? null,
      extent?.[2] ?? null,
      extent?.[1] ?? null,
      extent?.[3] ?? null,
      srsId,
    ]);
    db.run('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}
