import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Feature } from 'geojson';
import type pg from 'pg';
import { loadConfig } from '../api/config';
import { FILE_CRS, type FileCrs, TEXT_ENCODINGS, type TextEncoding } from '../api/contract/imports';
import { COLLECTION_IDS, type Collection, findCollection } from '../api/db/collections';
import { openDatabase } from '../api/db/database';
import { queryFeatures } from '../api/db/features';
import { type ScopedClient, withScope } from '../api/db/scoped';
import { systemClock } from '../api/domain/clock';
import { type Crs, SUPPORTED_CRS } from '../api/domain/crs';
import type { Cursor } from '../api/domain/cursor';
import type { Principal } from '../api/domain/principal';
import {
  EXPORT_FORMATS,
  type ExportFile,
  type ExportFormat,
  writeExport,
} from '../api/files/write-export';
import { exportLayerOf } from '../api/files/write-fields';

const USAGE = `Usage: npm run export -- --collection <id> [--format geojson|csv|gpkg]
  [--crs wgs84|cgcs2000|gcj02|bd09] [--encoding utf-8|gbk] [--out FILE]

Writes a whole collection (${COLLECTION_IDS.join(', ')}) of the configured database (DATABASE_URL,
or the embedded database in YIPING_DATA_DIR) to a file: GeoJSON (default), CSV (UTF-8 with a BOM,
or GBK for older Excel) or GeoPackage, in WGS84 (default), CGCS2000, GCJ-02 or BD-09. The file
is <collection>.<format> in the current directory unless --out names one. Progress goes to stderr.`;

/** Rows read per query: the OGC maximum page, so the CLI and the OGC route read alike. */
const PAGE_SIZE = 10_000;

/** One export of a whole collection. */
export interface ExportRequest {
  collection: Collection;
  format: ExportFormat;
  crs: FileCrs;
  encoding: TextEncoding;
  now: Date;
}

/** Rows read so far and in all, for a progress line. */
export type ExportProgress = (read: number, total: number) => void;

/** The OGC CRS that reads a file CRS from the database, longitude first. */
function readCrsOf(crs: FileCrs): Crs {
  return { ...SUPPORTED_CRS.find((candidate) => candidate.fileCrs === crs)!, latFirst: false };
}

/** Every feature of a collection, page by page in key order, inside one scoped transaction. */
async function readAll(
  client: ScopedClient,
  request: ExportRequest,
  onProgress: ExportProgress,
): Promise<Feature[]> {
  const features: Feature[] = [];
  let cursor: Cursor | undefined;
  for (;;) {
    const crs = readCrsOf(request.crs);
    const query = { crs, limit: PAGE_SIZE, equals: {}, ...(cursor ? { cursor } : {}) };
    const page = await queryFeatures(client, request.collection, query);
    features.push(...(JSON.parse(page.featuresJson) as Feature[]));
    onProgress(features.length, page.numberMatched);
    if (!page.hasMore || page.lastKey === null) return features;
    cursor = { direction: 'next', key: page.lastKey };
  }
}

/**
 * Exports a whole collection as the OGC items route writes one page (the same writer, so the
 * same bytes for the same features). It reads as an administrator of every top-level area, with
 * row-level security and contact masking applied as they are for such a caller.
 */
export async function exportCollection(
  pool: pg.Pool,
  request: ExportRequest,
  onProgress: ExportProgress = () => {},
): Promise<ExportFile> {
  const roots = await pool.query<{ code: string }>(
    'SELECT code FROM admin_areas WHERE parent_code IS NULL ORDER BY code',
  );
  const principal: Principal = {
    kind: 'api_key',
    id: 0,
    name: 'export-cli',
    role: 'admin',
    scopes: roots.rows.map((row) => row.code),
  };
  const features = await withScope(pool, principal, (client) =>
    readAll(client, request, onProgress),
  );
  return writeExport(exportLayerOf(request.collection, request.crs), features, request);
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
  }
  return value as T;
}

function parseRequest(): { request: ExportRequest; out: string | undefined } | null {
  const { values } = parseArgs({
    options: {
      collection: { type: 'string' },
      format: { type: 'string', default: 'geojson' },
      crs: { type: 'string', default: 'wgs84' },
      encoding: { type: 'string', default: 'utf-8' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return null;
  const collection = findCollection(values.collection ?? '');
  if (!collection) throw new Error(`--collection must be one of ${COLLECTION_IDS.join(', ')}`);
  const format = oneOf('format', values.format, EXPORT_FORMATS);
  if (values.encoding !== 'utf-8' && format !== 'csv')
    throw new Error('--encoding is for csv only');
  const request = {
    collection,
    format,
    crs: oneOf('crs', values.crs, FILE_CRS),
    encoding: oneOf('encoding', values.encoding.toLowerCase(), TEXT_ENCODINGS),
    now: systemClock.now(),
  };
  return { request, out: values.out };
}

/** `npm run export`: a whole collection to a file, progress on stderr. */
async function main(): Promise<void> {
  const parsed = parseRequest();
  if (!parsed) return void process.stdout.write(USAGE + '\n');
  const { request, out } = parsed;
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const file = await exportCollection(db.pool, request, (read, total) =>
      process.stderr.write(
        `  ${request.collection.id}: ${read.toLocaleString('en')}/${total.toLocaleString('en')}\n`,
      ),
    );
    const target = out ?? file.filename;
    await writeFile(target, file.bytes);
    process.stderr.write(
      `Wrote ${target} (${file.bytes.length.toLocaleString('en')} bytes, ${request.crs}).\n`,
    );
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: Error) => {
    const usage = error.message.startsWith('--') ? `\n${USAGE}\n` : '';
    process.stderr.write(`${error.message}\n${usage}`);
    process.exit(1);
  });
}
