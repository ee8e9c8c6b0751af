import type pg from 'pg';
import type {
  ImportCollection,
  ImportDetection,
  ImportOptions,
  ImportProblem,
} from '../../contract/imports';
import { loadKnownAreas, loadKnownGrids } from '../../db/import-references';
import type { ImportRecord } from '../../db/import-upsert';
import { sameCrs } from '../../domain/china-crs';
import { resolveMapping } from '../../domain/import/header-mapping';
import { LAYER_SPECS } from '../../domain/import/layer-specs';
import type { LayerSpec } from '../../domain/import/field-kinds';
import { mapRows } from '../../domain/import/map-rows';
import { failedIndexes, importWarning } from '../../domain/import/problems';
import { readSource } from '../../files/read-source';
import type { SourceRead } from '../../files/source';
import { checkRows } from './check-rows';
import { prepareRows, type PreparedRow } from './prepare-rows';
import type { ResolveContext } from './resolve-context';
import { resolveRow } from './resolve-layer';
import type { ImportInput, ImportProgress } from './import-types';

/** A file read, mapped and checked: the rows ready to write and every problem found. */
export interface Analysis {
  detection: ImportDetection;
  read: number;
  records: ImportRecord[];
  /** Every key the file gives (invalid rows' too): what a replace keeps. */
  keys: string[];
  /** Our fields with a fallback that the file does not map: updates keep their stored values. */
  absent: Set<string>;
  problems: ImportProblem[];
}

/**
 * Reads the file, maps its fields, converts its geometries to WGS84 and checks everything a
 * write needs — in PostGIS against what the transaction sees — without writing anything.
 */
export async function analyseFile(
  client: pg.PoolClient,
  input: ImportInput,
  onProgress: (progress: ImportProgress) => void,
): Promise<Analysis> {
  const { options } = input;
  const source = await readFile(input, onProgress);
  const spec = LAYER_SPECS[options.collection];
  const header = resolveMapping(spec, source.fields, options.mapping);
  const mapped = mapRows(spec, header.mapping, source.features);
  const prepared = prepareRows(spec, mapped.rows, options.crs);
  const checked = await checkRows(
    client,
    options.collection,
    spec,
    prepared.rows,
    options,
    (done, total) => onProgress({ stage: 'checking', done, total }),
  );
  const problems = [
    ...crsProblems(source, options),
    ...header.problems,
    ...mapped.problems,
    ...prepared.problems,
    ...checked.problems,
  ];
  const ctx: ResolveContext = {
    areas: await loadKnownAreas(client),
    grids: await loadKnownGrids(client),
    checks: checked.checks,
    fileRows: new Map(prepared.rows.flatMap((r) => (r.key === null ? [] : [[r.key, r] as const]))),
  };
  const records = resolveRows(options.collection, prepared.rows, ctx, problems);
  return {
    detection: detectionOf(source, options, header.mapping),
    read: source.features.length,
    records,
    keys: [...ctx.fileRows.keys()],
    absent: absentFields(spec, header.mapping),
    problems: problems.sort(byPlace),
  };
}

async function readFile(input: ImportInput, onProgress: (progress: ImportProgress) => void) {
  onProgress({ stage: 'reading', done: 0, total: 1 });
  const source = await readSource(input.bytes, {
    fileName: input.fileName,
    format: input.options.format,
    encoding: input.options.encoding,
  });
  onProgress({ stage: 'reading', done: 1, total: 1 });
  return source;
}

/** Resolves the rows without errors so far; their problems are added to `problems`. */
function resolveRows(
  collection: ImportCollection,
  rows: readonly PreparedRow[],
  ctx: ResolveContext,
  problems: ImportProblem[],
): ImportRecord[] {
  const failed = failedIndexes(problems);
  const records: ImportRecord[] = [];
  for (const row of rows) {
    if (failed.has(row.index)) continue;
    const resolved = resolveRow(collection, row, ctx);
    problems.push(...resolved.problems);
    if (resolved.record) records.push(resolved.record);
  }
  return records;
}

function crsProblems(source: SourceRead, options: ImportOptions): ImportProblem[] {
  if (!source.impliedCrs || sameCrs(source.impliedCrs, options.crs)) return [];
  return [
    importWarning(
      { index: null, row: null, field: null },
      'crs_mismatch',
      `文件声明的坐标系（${source.declaredCrs ?? source.impliedCrs}）与所选的 ${options.crs} 不同，按所选坐标系导入。`,
      `The file declares ${source.declaredCrs ?? source.impliedCrs}, not the chosen ${options.crs}; the chosen one is used.`,
    ),
  ];
}

function detectionOf(
  source: SourceRead,
  options: ImportOptions,
  mapping: Record<string, string>,
): ImportDetection {
  return {
    format: source.format,
    encoding: source.encoding,
    crs: options.crs,
    declaredCrs: source.declaredCrs,
    fields: source.fields,
    mapping,
    featureCount: source.features.length,
  };
}

/** File-wide problems first, then by feature. */
function byPlace(a: ImportProblem, b: ImportProblem): number {
  return (a.index ?? -1) - (b.index ?? -1);
}

/** Our fields with a fallback that no source field maps to: the file does not carry them. */
function absentFields(spec: LayerSpec, mapping: Record<string, string>): Set<string> {
  const mapped = new Set(Object.values(mapping));
  return new Set(
    spec.fields.filter((f) => f.fallback !== undefined && !mapped.has(f.name)).map((f) => f.name),
  );
}
