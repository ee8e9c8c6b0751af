import type { Geometry } from 'geojson';
import type { FileCrs, ImportProblem } from '../../contract/imports';
import type { LayerSpec } from '../../domain/import/field-kinds';
import { derivedCode, shapeGeometry, toWgs84 } from '../../domain/import/geometry-shape';
import type { MappedRow } from '../../domain/import/map-rows';
import { importError } from '../../domain/import/problems';
import { ringFault } from '../../domain/import/rings';

/** A mapped row with its key and its geometry in WGS84, of the layer's type (null: none/unusable). */
export interface PreparedRow extends MappedRow {
  key: string | null;
  wgs84: Geometry | null;
}

/**
 * Brings each mapped row's geometry to the layer's type and to WGS84, gives a row without a code
 * its derived one, and reports geometries that cannot be used and codes the file repeats.
 */
export function prepareRows(
  spec: LayerSpec,
  rows: readonly MappedRow[],
  crs: FileCrs,
): { rows: PreparedRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const prepared = rows.map((row) => {
    const place = { index: row.index, row: row.row, field: 'geometry' };
    let wgs84: Geometry | null = null;
    if (spec.geometry !== null) {
      const shaped = shapeGeometry(spec.geometry, row.geometry);
      const fault = shaped.ok ? ringFault(shaped.geometry) : shaped;
      // The reader knows why a row has no geometry (a coordinate that is not a number): say that.
      if (!row.geometry && row.geometryProblem)
        problems.push(importError(place, 'invalid_coordinates', row.geometryProblem, ''));
      else if (fault) problems.push(importError(place, 'invalid_geometry', fault.zh, fault.en));
      else if (shaped.ok) wgs84 = toWgs84(shaped.geometry, crs);
    }
    const given = row.values[spec.key];
    const key =
      typeof given === 'string' && given
        ? given
        : spec.derivedPrefix && wgs84
          ? derivedCode(spec.derivedPrefix, wgs84)
          : null;
    return { ...row, key, wgs84 };
  });
  problems.push(...duplicateKeys(spec, prepared));
  return { rows: prepared, problems };
}

function duplicateKeys(spec: LayerSpec, rows: readonly PreparedRow[]): ImportProblem[] {
  const first = new Map<string, PreparedRow>();
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    if (row.key === null) continue;
    const earlier = first.get(row.key);
    if (!earlier) {
      first.set(row.key, row);
      continue;
    }
    const where = earlier.row ?? earlier.index;
    problems.push(
      importError(
        { index: row.index, row: row.row, field: spec.key },
        'duplicate_code',
        `编码“${row.key}”在文件中重复（首次出现于第 ${where} ${earlier.row ? '行' : '个要素'}）。`,
        `Code "${row.key}" appears twice in the file (first at ${earlier.row ? 'row' : 'feature'} ${where}).`,
      ),
    );
  }
  return problems;
}
