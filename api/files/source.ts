import type { Geometry } from 'geojson';
import type { FileCrs, ImportFormat, TextEncoding } from '../contract/imports';

/** One feature of a source file, before mapping and validation. Geometry is as the file has it. */
export interface SourceFeature {
  /** 0-based position in the file. */
  index: number;
  /** 1-based CSV row counting the header as row 1 (as a spreadsheet shows it); null otherwise. */
  row: number | null;
  /** The file's own field names and values (strings for CSV, typed for the others). */
  properties: Record<string, unknown>;
  /** Null when the row has no usable geometry (a CSV without coordinates, a null shape). */
  geometry: Geometry | null;
  /**
   * Why geometry is null although the file had something there (a coordinate that is not a
   * number, WKT that does not parse), zh-CN then English; absent when there was nothing to read.
   */
  geometryProblem?: string;
}

/** A source file read into features, with what was detected while reading it. */
export interface SourceRead {
  format: ImportFormat;
  /** The text encoding used (CSV, a Shapefile's .dbf); null for formats that fix it. */
  encoding: TextEncoding | null;
  /** The CRS the file declares (.prj, GeoPackage srs, GeoJSON `crs`), as written; null if none. */
  declaredCrs: string | null;
  /** What the declaration means, when it names one of ours; null when absent or unknown. */
  impliedCrs: FileCrs | null;
  /** Field names in file order. */
  fields: string[];
  features: SourceFeature[];
}

/** How to read a file; anything left out is detected. */
export interface ReadHints {
  fileName: string;
  format?: ImportFormat;
  encoding?: TextEncoding;
  /** The table to read from a GeoPackage holding several feature tables. */
  layer?: string;
}

/**
 * A file that cannot be read at all (truncated zip, broken JSON, wrong encoding, not a
 * GeoPackage): the whole import stops with this message and nothing is written. Maps to 400.
 */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}
