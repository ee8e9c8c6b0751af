import type { Geometry } from 'geojson';
import type { ImportProblem } from '../../contract/imports';
import { coerceValue, isBlank } from './coerce';
import type { FieldSpec, LayerSpec } from './field-kinds';
import { importError } from './problems';

/** A feature as a reader gives it (api/files/source.ts `SourceFeature` has this shape). */
export interface SourceFeature {
  index: number;
  row: number | null;
  properties: Record<string, unknown>;
  geometry: Geometry | null;
  /** Why no geometry could be read from the row (a CSV cell that is not a number). */
  geometryProblem?: string;
}

/** One feature in our terms: our field names and values, the file's geometry, where it came from. */
export interface MappedRow {
  index: number;
  row: number | null;
  values: Record<string, unknown>;
  geometry: Geometry | null;
  /** Why the reader found no usable geometry (zh-CN then English), when it knows. */
  geometryProblem: string | null;
}

/**
 * Maps and reads every feature's fields (the mapping from `resolveMapping`): each cell coerced
 * to its field's type, blanks filled with the field's fallback, a blank required field reported
 * (only where the file has the column: a missing column is reported once, by `resolveMapping`).
 * Every row is returned, even with problems, so later checks can report theirs too.
 */
export function mapRows(
  spec: LayerSpec,
  mapping: Readonly<Record<string, string>>,
  features: readonly SourceFeature[],
): { rows: MappedRow[]; problems: ImportProblem[] } {
  const sourceOf = new Map(Object.entries(mapping).map(([source, ours]) => [ours, source]));
  const problems: ImportProblem[] = [];
  const rows = features.map((feature) => {
    const values: Record<string, unknown> = {};
    for (const f of spec.fields) {
      const source = sourceOf.get(f.name);
      const raw = source === undefined ? undefined : feature.properties[source];
      const read = readCell(spec, f, raw, feature);
      // A required column the file lacks is one problem of the file (resolveMapping), not one a row.
      if ('problem' in read && source !== undefined) problems.push(read.problem);
      else values[f.name] = 'problem' in read ? null : read.value;
    }
    return {
      index: feature.index,
      row: feature.row,
      values,
      geometry: feature.geometry,
      geometryProblem: feature.geometryProblem ?? null,
    };
  });
  return { rows, problems };
}

function readCell(
  spec: LayerSpec,
  f: FieldSpec,
  raw: unknown,
  feature: SourceFeature,
): { value: unknown } | { problem: ImportProblem } {
  const place = { index: feature.index, row: feature.row, field: f.name };
  if (isBlank(raw)) {
    const derivable = spec.derivedPrefix !== null && f.name === spec.key;
    if (f.required && !derivable) {
      return {
        problem: importError(
          place,
          'missing_field',
          `缺少必填字段 ${f.name}。`,
          `Missing required field ${f.name}.`,
        ),
      };
    }
    return { value: f.fallback ?? null };
  }
  const coerced = coerceValue(raw, f.kind);
  if (coerced.ok) return { value: coerced.value };
  const code =
    f.kind.type !== 'code'
      ? 'invalid_value'
      : f.name === 'category'
        ? 'unknown_category'
        : `unknown_${f.name}`;
  return {
    problem: importError(
      place,
      code,
      `${f.name}：${coerced.zh}`,
      `${f.name}: ${coerced.en}`,
      coerced.suggestion,
    ),
  };
}
