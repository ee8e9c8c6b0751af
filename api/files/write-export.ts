import type { Feature } from 'geojson';
import type { TextEncoding } from '../contract/imports';
import { writeCsv } from './write-csv';
import { type ExportLayer, shiftFeatures } from './write-fields';
import { writeGeoPackage } from './write-gpkg';

export type { ExportField, ExportLayer } from './write-fields';

/** The file formats a collection is exported as (OGC `f=` values and the CLI's `--format`). */
export const EXPORT_FORMATS = ['geojson', 'csv', 'gpkg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Media types of the formats (GeoPackage's is registered with IANA). */
export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv',
  gpkg: 'application/geopackage+sqlite3',
};

const EXTENSION: Record<ExportFormat, string> = { geojson: 'geojson', csv: 'csv', gpkg: 'gpkg' };

/** An exported file: its bytes, media type (with charset for text) and a file name. */
export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  filename: string;
}

/** What an export needs besides the features: the format, the CSV encoding, the time. */
export interface ExportOptions {
  format: ExportFormat;
  encoding: TextEncoding;
  /** The GeoPackage's last_change; the same time gives the same bytes. */
  now: Date;
}

/** A GeoJSON FeatureCollection of the features, as bytes. */
function geoJsonBytes(features: Feature[]): Uint8Array {
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }), 'utf8');
}

/**
 * Writes features read from the database (WGS84) as a file of `layer.crs`: converted to GCJ-02
 * or BD-09 when asked, then encoded as GeoJSON, CSV or GeoPackage. The OGC items route and
 * `npm run export` both call this, so they give the same bytes for the same features.
 */
export async function writeExport(
  layer: ExportLayer,
  wgs84Features: Feature[],
  options: ExportOptions,
): Promise<ExportFile> {
  const features = shiftFeatures(wgs84Features, layer.crs);
  const filename = `${layer.name}.${EXTENSION[options.format]}`;
  const type = EXPORT_MEDIA_TYPES[options.format];
  switch (options.format) {
    case 'geojson':
      return { bytes: geoJsonBytes(features), contentType: type, filename };
    case 'csv':
      return {
        bytes: writeCsv(layer, features, options.encoding),
        contentType: `${type}; charset=${options.encoding}`,
        filename,
      };
    case 'gpkg':
      return {
        bytes: await writeGeoPackage(layer, features, options.now),
        contentType: type,
        filename,
      };
  }
}
