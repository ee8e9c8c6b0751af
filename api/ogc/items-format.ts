import { TEXT_ENCODINGS, type TextEncoding } from '../contract/imports';
import type { Crs } from '../domain/crs';
import { ValidationError } from '../domain/errors';

/** `f` values of an items request: GeoJSON (as json or geojson), CSV or GeoPackage. */
export const ITEMS_FORMATS = ['json', 'geojson', 'csv', 'gpkg'] as const;

/** What an items answer is written as. */
export interface ItemsOutput {
  format: 'json' | 'csv' | 'gpkg';
  /** The CSV's encoding (`encoding=gbk`, our own parameter); UTF-8 with a BOM by default. */
  encoding: TextEncoding;
}

function invalid(path: string, message: string): ValidationError {
  return new ValidationError(`${path}: ${message}`, [{ path, message }]);
}

/** Refuses an `f` the items of a collection are not offered in. */
export function checkItemsFormat(f: string | undefined): void {
  if (f !== undefined && !(ITEMS_FORMATS as readonly string[]).includes(f)) {
    throw invalid('f', `'${f}' is not offered; use json, geojson, csv or gpkg`);
  }
}

/**
 * The output of an items request from `f` and `encoding`. CSV and GeoPackage files hold
 * longitude/latitude, so they take the four geographic CRSs (WGS84, CGCS2000, GCJ-02, BD-09)
 * and refuse Web Mercator; `encoding` belongs to CSV only.
 */
export function parseItemsOutput(query: Record<string, string>, crs: Crs): ItemsOutput {
  checkItemsFormat(query.f);
  const format = query.f === 'csv' || query.f === 'gpkg' ? query.f : 'json';
  const encoding = query.encoding?.toLowerCase();
  if (encoding !== undefined && format !== 'csv') {
    throw invalid('encoding', '只用于 CSV。Only CSV has an encoding; add f=csv or leave it out');
  }
  if (encoding !== undefined && !(TEXT_ENCODINGS as readonly string[]).includes(encoding)) {
    throw invalid('encoding', `'${query.encoding}' 不支持。Use utf-8 (with BOM) or gbk`);
  }
  if (format !== 'json' && !crs.fileCrs) {
    throw invalid(
      'crs',
      `${format.toUpperCase()} 文件只用经纬度坐标系。${format.toUpperCase()} files are in longitude/latitude: use CRS84, EPSG:4326, EPSG:4490, GCJ-02 or BD-09`,
    );
  }
  return { format, encoding: (encoding as TextEncoding | undefined) ?? 'utf-8' };
}
