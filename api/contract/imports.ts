import { z } from 'zod';
import { GridQualityReportSchema } from './quality';

/**
 * The import and export contract: what a district's own files are read as, the problems found in
 * them and the job that loads them. Shared by the HTTP import (`/api/v1/imports`), the command
 * line (`npm run import`) and the admin page.
 */

/** The layers a district can load, by the ids of their OGC collections (`water` has none). */
export const IMPORT_COLLECTIONS = [
  'admin-areas',
  'grids',
  'members',
  'cameras',
  'service-points',
  'buildings',
  'roads',
  'water',
] as const;
export type ImportCollection = (typeof IMPORT_COLLECTIONS)[number];

/**
 * Coordinate systems of source and exported files. CGCS2000 is read as WGS84 (their difference is
 * below a metre); GCJ-02 (Gaode, Tencent) and BD-09 (Baidu) are converted, never stored.
 */
export const FILE_CRS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
export type FileCrs = (typeof FILE_CRS)[number];

export const IMPORT_FORMATS = ['geojson', 'csv', 'shp', 'gpkg'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const TEXT_ENCODINGS = ['utf-8', 'gbk'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** Options of one import, the same on the command line and over HTTP. */
export const ImportOptionsSchema = z.object({
  collection: z.enum(IMPORT_COLLECTIONS),
  crs: z.enum(FILE_CRS),
  /** Detected from the file's name and bytes when absent. */
  format: z.enum(IMPORT_FORMATS).optional(),
  /** Detected (UTF-8 unless the bytes are not, then GBK) when absent; a Shapefile's .cpg wins. */
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  /** Source field name → our field name; the usual Chinese and English headers need none. */
  mapping: z.record(z.string(), z.string()).optional(),
  /** Validate and report; write nothing. */
  dryRun: z.boolean().default(false),
  /** Import the valid rows and report the rest (default: all or nothing). */
  skipInvalid: z.boolean().default(false),
  /** Make the layer match the file exactly: rows whose code the file lacks are deleted. */
  replace: z.boolean().default(false),
  /** Repair invalid geometries with ST_MakeValid instead of rejecting them. */
  repair: z.boolean().default(false),
  /** Accept features outside the district (reported as warnings instead of errors). */
  allowOutside: z.boolean().default(false),
});
export type ImportOptions = z.infer<typeof ImportOptionsSchema>;

/** One problem in a source file, located so a person can find and fix it. */
export const ImportProblemSchema = z.object({
  /** 0-based index of the feature in the file. */
  index: z.number().int().nullable(),
  /** 1-based row in a CSV counting the header as row 1 (what a spreadsheet shows); else null. */
  row: z.number().int().nullable(),
  /** Our field name the problem is about, when there is one. */
  field: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  /** A stable code such as `invalid_geometry`, `unknown_category`, `missing_field`. */
  code: z.string(),
  /** Chinese first, then English, like every message an operator reads. */
  message: z.string(),
  /** The nearest valid value, when a value was close to one. */
  suggestion: z.string().nullable(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ImportCountsSchema = z.object({
  read: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  deleted: z.number().int(),
  skipped: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCountsSchema>;

export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What was read from the file before anything was checked: shown to the admin to confirm. */
export const ImportDetectionSchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  encoding: z.enum(TEXT_ENCODINGS).nullable(),
  crs: z.enum(FILE_CRS),
  /** The CRS the file itself declares (a Shapefile's .prj, a GeoPackage's srs), if any. */
  declaredCrs: z.string().nullable(),
  /** Source fields in file order. */
  fields: z.array(z.string()),
  /** Source field → our field, as applied (recognised headers plus the given mapping). */
  mapping: z.record(z.string(), z.string()),
  featureCount: z.number().int(),
});
export type ImportDetection = z.infer<typeof ImportDetectionSchema>;

/** An import job: `POST /api/v1/imports` answers with it, `GET /api/v1/imports/{id}` follows it. */
export const ImportJobSchema = z.object({
  id: z.number().int(),
  collection: z.enum(IMPORT_COLLECTIONS),
  fileName: z.string(),
  options: ImportOptionsSchema,
  status: z.enum(IMPORT_STATUSES),
  progress: z.object({ stage: z.string(), done: z.number().int(), total: z.number().int() }),
  detection: ImportDetectionSchema.nullable(),
  counts: ImportCountsSchema.nullable(),
  /** The first problems (up to 1,000); `problemCount` says how many there were in all. */
  problems: z.array(ImportProblemSchema),
  problemCount: z.number().int(),
  /** Set when the job failed for a reason other than the file's problems. */
  error: z.string().nullable(),
  /** The grid topology check run after a grid or admin-area import; null otherwise. */
  topology: GridQualityReportSchema.nullable(),
  actor: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;
