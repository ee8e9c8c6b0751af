import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import type { FileCrs } from '../contract/imports';
import { crsOfEpsg } from './epsg';
import { geometryFromGpkg } from './gpkg-geometry';
import { UnreadableFileError, type ReadHints, type SourceFeature, type SourceRead } from './source';
import { reasonOf, unreadable } from './unreadable';

/** One features table of a GeoPackage, from gpkg_contents and gpkg_geometry_columns. */
interface FeatureTable {
  table: string;
  geometryColumn: string;
  srsId: number;
  organization: string | null;
  orgId: number | null;
}

let sqlJs: ReturnType<typeof initSqlJs> | null = null;

/**
 * Reads a GeoPackage with sql.js (WASM, nothing native): its only features table (or the one the
 * `layer` hint names), properties as stored, geometry decoded from GeoPackage binary. srs 4326
 * and 4490 are ours; any other is an UnreadableFileError.
 */
export async function readGpkg(bytes: Uint8Array, hints: ReadHints): Promise<SourceRead> {
  sqlJs ??= initSqlJs();
  const { Database } = await sqlJs;
  const db = new Database(bytes);
  try {
    const table = chooseTable(featureTables(db, hints.fileName), hints);
    const impliedCrs = crsOfTable(table, hints.fileName);
    const { fields, features } = readTable(db, table, hints.fileName);
    const declaredCrs = `${table.organization ?? 'srs_id'}:${table.orgId ?? table.srsId}`;
    return { format: 'gpkg', encoding: null, declaredCrs, impliedCrs, fields, features };
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw unreadable(
      `${hints.fileName} 已损坏，无法读取（${reasonOf(error)}）`,
      `${hints.fileName} is damaged and cannot be read: ${reasonOf(error)}`,
    );
  } finally {
    db.close();
  }
}

function featureTables(db: Database, fileName: string): FeatureTable[] {
  const sql = `SELECT c.table_name, g.column_name, g.srs_id, s.organization, s.organization_coordsys_id
    FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
    LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
    WHERE c.data_type = 'features' ORDER BY c.table_name`;
  let rows: SqlValue[][];
  try {
    rows = db.exec(sql)[0]?.values ?? [];
  } catch (error) {
    throw unreadable(
      `${fileName} 不是有效的 GeoPackage（${reasonOf(error)}）`,
      `${fileName} is not a valid GeoPackage: ${reasonOf(error)}`,
    );
  }
  return rows.map(([table, geometryColumn, srsId, organization, orgId]) => ({
    table: String(table),
    geometryColumn: String(geometryColumn),
    srsId: Number(srsId),
    organization: organization === null ? null : String(organization),
    orgId: orgId === null ? null : Number(orgId),
  }));
}

function chooseTable(tables: FeatureTable[], hints: ReadHints): FeatureTable {
  const names = tables.map((t) => t.table);
  if (hints.layer) {
    const named = tables.find((t) => t.table === hints.layer);
    if (named) return named;
    throw unreadable(
      `${hints.fileName} 中没有图层“${hints.layer}”（有：${names.join('、') || '无'}）`,
      `${hints.fileName} has no layer "${hints.layer}" (it has: ${names.join(', ') || 'none'})`,
    );
  }
  if (tables.length === 1) return tables[0]!;
  if (tables.length === 0) {
    throw unreadable(
      `${hints.fileName} 中没有要素图层`,
      `${hints.fileName} holds no feature table`,
    );
  }
  throw unreadable(
    `${hints.fileName} 中有多个图层：${names.join('、')}；请指定要导入的图层`,
    `${hints.fileName} holds several layers: ${names.join(', ')}; name the one to import (layer)`,
  );
}

function crsOfTable(table: FeatureTable, fileName: string): FileCrs {
  const epsg = table.organization?.toUpperCase() === 'EPSG' ? table.orgId : table.srsId;
  const crs = epsg === null ? null : crsOfEpsg(epsg);
  if (crs) return crs;
  const shown = `${table.organization ?? 'srs_id'}:${table.orgId ?? table.srsId}`;
  throw unreadable(
    `${fileName} 的图层 ${table.table} 使用坐标系 ${shown}；仅支持 EPSG:4326（WGS84）和 EPSG:4490（CGCS2000）`,
    `${fileName}: the layer ${table.table} is in ${shown}; only EPSG:4326 (WGS84) and ` +
      'EPSG:4490 (CGCS2000) are read, reproject it first',
  );
}

function readTable(db: Database, table: FeatureTable, fileName: string) {
  const quoted = `"${table.table.replace(/"/g, '""')}"`;
  const info = db.exec(`PRAGMA table_info(${quoted})`)[0]?.values ?? [];
  // OGR keeps its feature id in an INTEGER PRIMARY KEY named fid; it is not an attribute.
  const fields = info
    .filter(
      ([, name, type, , , pk]) =>
        !(
          pk === 1 &&
          String(type).toUpperCase() === 'INTEGER' &&
          String(name).toLowerCase() === 'fid'
        ),
    )
    .map(([, name]) => String(name))
    .filter((name) => name !== table.geometryColumn);
  const columns = [table.geometryColumn, ...fields].map((c) => `"${c.replace(/"/g, '""')}"`);
  const rows = db.exec(`SELECT ${columns.join(', ')} FROM ${quoted}`)[0]?.values ?? [];
  const features = rows.map(([blob, ...values], index): SourceFeature => {
    const properties: Record<string, unknown> = {};
    fields.forEach((name, i) => (properties[name] = values[i] ?? null));
    return { index, row: null, properties, geometry: decode(blob ?? null, index, fileName) };
  });
  return { fields, features };
}

function decode(blob: SqlValue, index: number, fileName: string) {
  try {
    return geometryFromGpkg(blob instanceof Uint8Array ? blob : null);
  } catch (error) {
    throw unreadable(
      `${fileName} 第 ${index + 1} 个要素的几何无法读取`,
      `${fileName}: the geometry of feature ${index + 1} cannot be read: ${reasonOf(error)}`,
    );
  }
}
