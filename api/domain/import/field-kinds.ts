import type { Spellings } from './value-aliases';

/** How a source value becomes ours: the type, its range and, for codes, the words it may take. */
export type FieldKind =
  | { type: 'text'; pattern?: RegExp }
  | { type: 'integer'; min: number; max?: number }
  | { type: 'number'; min: number; max: number; maxExclusive?: boolean; minExclusive?: boolean }
  | { type: 'boolean' }
  | { type: 'list' }
  | { type: 'code'; words: Spellings<string> };

/** One field of a layer: our column name, how to read it and the headers that name it. */
export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** Source headers recognised without a mapping (compared with `normalizeKey`). */
  headers: readonly string[];
  required: boolean;
  /** Used when the file has no value (required fields have none). */
  fallback?: unknown;
}

/** The geometry a layer's table stores (`null`: the layer has none, e.g. members). */
export type LayerGeometry = 'Point' | 'LineString' | 'Polygon' | 'MultiPolygon' | null;

/** What a layer looks like to the import. */
export interface LayerSpec {
  table: string;
  /** The column rows are upserted by (`code`, or `id` for members). */
  key: 'code' | 'id';
  /** Prefix of codes derived from the geometry when the file has none; null: code required. */
  derivedPrefix: string | null;
  geometry: LayerGeometry;
  fields: readonly FieldSpec[];
}

export const text = (pattern?: RegExp): FieldKind => ({ type: 'text', pattern });
export const count: FieldKind = { type: 'integer', min: 0 };
export const flag: FieldKind = { type: 'boolean' };
export const codeOf = (words: Spellings<string>): FieldKind => ({ type: 'code', words });

/** Shorthand for a field spec. */
export function field(
  name: string,
  kind: FieldKind,
  headers: readonly string[],
  options: { required?: boolean; fallback?: unknown } = {},
): FieldSpec {
  return {
    name,
    kind,
    headers: [name, ...headers],
    required: options.required ?? false,
    ...options,
  };
}
