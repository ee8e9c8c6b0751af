import type { FieldKind } from './field-kinds';
import { normalizeKey } from './normalize';
import { nearestCode } from './suggest';
import { BOOLEAN_WORDS, type Spellings } from './value-aliases';

/** A value read from a cell: ours, or why it could not be read (with the nearest code, if any). */
export type Coerced =
  { ok: true; value: unknown } | { ok: false; zh: string; en: string; suggestion: string | null };

const fail = (zh: string, en: string, suggestion: string | null = null): Coerced => ({
  ok: false,
  zh,
  en,
  suggestion,
});

/** True for a missing cell: null, undefined or only spaces. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && !value.trim());
}

/**
 * Reads one non-blank cell as `kind`. CSV cells are strings, the other formats' may be typed:
 * both are accepted ("1,200" and 1200 are the same count; 是/否 are booleans).
 */
export function coerceValue(raw: unknown, kind: FieldKind): Coerced {
  switch (kind.type) {
    case 'text':
      return coerceText(raw, kind.pattern);
    case 'integer':
    case 'number':
      return coerceNumber(raw, kind);
    case 'boolean':
      return coerceBoolean(raw);
    case 'list':
      return { ok: true, value: splitList(raw) };
    case 'code':
      return coerceCode(raw, kind.words);
  }
}

function coerceText(raw: unknown, pattern: RegExp | undefined): Coerced {
  const value = typeof raw === 'number' ? String(raw) : String(raw).trim();
  if (pattern && !pattern.test(value))
    return fail(`格式不对：“${value}”。`, `Malformed: "${value}".`);
  return { ok: true, value };
}

function coerceNumber(raw: unknown, kind: Extract<FieldKind, { min: number }>): Coerced {
  const text = String(raw).trim().replace(/[,，]/g, '');
  const value =
    typeof raw === 'number' ? raw : /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value))
    return fail(`不是数字：“${String(raw)}”。`, `Not a number: "${String(raw)}".`);
  if (kind.type === 'integer' && !Number.isInteger(value))
    return fail(`应为整数：“${String(raw)}”。`, `Not a whole number: "${String(raw)}".`);
  const max = kind.max ?? Infinity;
  const low = 'minExclusive' in kind && kind.minExclusive ? value <= kind.min : value < kind.min;
  const high = 'maxExclusive' in kind && kind.maxExclusive ? value >= max : value > max;
  if (low || high) {
    const range = `${kind.min}–${Number.isFinite(max) ? max : '∞'}`;
    return fail(`超出范围 ${range}：${value}。`, `Out of range ${range}: ${value}.`);
  }
  return { ok: true, value };
}

function coerceBoolean(raw: unknown): Coerced {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const key = normalizeKey(String(raw));
  if ((BOOLEAN_WORDS.true as readonly string[]).includes(key)) return { ok: true, value: true };
  if ((BOOLEAN_WORDS.false as readonly string[]).includes(key)) return { ok: true, value: false };
  return fail(`应为是或否：“${String(raw)}”。`, `Not a yes/no value: "${String(raw)}".`);
}

function coerceCode(raw: unknown, words: Spellings<string>): Coerced {
  const key = normalizeKey(String(raw));
  for (const [code, spellings] of Object.entries(words)) {
    if ([code, ...spellings].some((word) => normalizeKey(word) === key))
      return { ok: true, value: code };
  }
  const suggestion = nearestCode(String(raw), words);
  const known = Object.keys(words).join(', ');
  return fail(
    `未知的取值：“${String(raw)}”${suggestion ? `，是否为 ${suggestion}？` : '。'}`,
    `Unknown value "${String(raw)}"${suggestion ? `; did you mean ${suggestion}?` : '.'} Known: ${known}.`,
    suggestion,
  );
}

/** Splits a list cell ("a;b;c", "a，b", "a、b") into its trimmed, non-empty, distinct items. */
export function splitList(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw.map(String) : String(raw).split(/[;,；，、|\s]+/);
  return [...new Set(items.map((item) => item.trim()).filter(Boolean))];
}
