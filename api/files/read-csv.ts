import type { Geometry } from 'geojson';
import { parse } from 'csv-parse/sync';
import { findGeometryColumns, parseCoordinate, type CsvGeometryColumns } from './csv-columns';
import { decodeText } from './detect-encoding';
import type { ReadHints, SourceFeature, SourceRead } from './source';
import { reasonOf, unreadable } from './unreadable';
import { geometryFromWkt } from './wkx-geometry';

const DELIMITERS = [',', ';', '\t'] as const;

/** One CSV record and its 1-based spreadsheet row (the header is row 1). */
interface CsvRecord {
  record: string[];
  row: number;
}

/**
 * Reads a CSV (UTF-8 with or without BOM, or GBK; `,`, `;` or tab separated). Geometry comes
 * from longitude/latitude columns or a WKT column; `row` is the spreadsheet row (header = 1).
 */
export function readCsv(bytes: Uint8Array, hints: ReadHints): SourceRead {
  const { text, encoding } = decodeText(bytes, hints.fileName, hints.encoding);
  const records = parseRecords(text, hints.fileName);
  const header = records.shift();
  if (!header) {
    throw unreadable(`${hints.fileName} 没有表头行`, `${hints.fileName} has no header row`);
  }
  const fields = uniqueNames(header.record);
  const columns = findGeometryColumns(fields);
  const features = records.map((r, index) => toFeature(r, index, fields, columns));
  return { format: 'csv', encoding, declaredCrs: null, impliedCrs: null, fields, features };
}

/**
 * The records with their spreadsheet rows. Blank lines are parsed as records (and then dropped)
 * rather than skipped, so that the rows count them as a spreadsheet does, while a quoted cell
 * spanning lines stays one row.
 */
function parseRecords(text: string, fileName: string): CsvRecord[] {
  try {
    const records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true });
    return records
      .map((record, i) => ({ record, row: i + 1 }))
      .filter(({ record }) => record.some((cell) => cell.trim() !== ''));
  } catch (error) {
    throw unreadable(
      `${fileName} 不是有效的 CSV`,
      `${fileName} is not valid CSV: ${reasonOf(error)}`,
    );
  }
}

/** The separator used most often on the header line, outside quotes; a comma when none is. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** Header names, trimmed; a blank one becomes `column_N` and a repeated one gets `_2`, `_3`… */
function uniqueNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const name = raw.trim() || `column_${i + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}_${count}`;
  });
}

function toFeature(
  { record, row }: CsvRecord,
  index: number,
  fields: string[],
  columns: CsvGeometryColumns,
): SourceFeature {
  const properties: Record<string, unknown> = {};
  fields.forEach((name, i) => (properties[name] = record[i] ?? ''));
  const { geometry, problem } = geometryOf(record, fields, columns);
  const feature: SourceFeature = { index, row, properties, geometry };
  if (problem) feature.geometryProblem = problem;
  return feature;
}

function geometryOf(
  record: string[],
  fields: string[],
  columns: CsvGeometryColumns,
): { geometry: Geometry | null; problem?: string } {
  if (columns.kind === 'none') return { geometry: null };
  if (columns.kind === 'wkt') return wktGeometry(record[columns.wkt], fields[columns.wkt]!);
  const [lngCell, latCell] = [record[columns.lng] ?? '', record[columns.lat] ?? ''];
  if (!lngCell.trim() && !latCell.trim()) return { geometry: null };
  const [lng, lat] = [parseCoordinate(lngCell), parseCoordinate(latCell)];
  if (lng === null || lat === null) {
    const names = `${fields[columns.lng]}/${fields[columns.lat]}`;
    const shown = `“${lngCell}”, “${latCell}”`;
    return {
      geometry: null,
      problem: `坐标 ${names} 不是数字：${shown} / the coordinates ${names} are not numbers: ${shown}`,
    };
  }
  return { geometry: { type: 'Point', coordinates: [lng, lat] } };
}

function wktGeometry(
  cell: string | undefined,
  name: string,
): { geometry: Geometry | null; problem?: string } {
  if (!cell?.trim()) return { geometry: null };
  try {
    return { geometry: geometryFromWkt(cell) };
  } catch (error) {
    const shown = cell.length > 60 ? `${cell.slice(0, 60)}…` : cell;
    return {
      geometry: null,
      problem: `${name} 列不是有效的 WKT：${shown} / the ${name} column is not valid WKT (${shown}): ${reasonOf(error)}`,
    };
  }
}
