import { normalizeKey } from './normalize';

/** Levenshtein distance between two strings, by code point (a Chinese character counts once). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[y.length]!;
}

/**
 * The code whose spelling (the code itself or one of its names) is nearest to `value`, when it
 * is near enough to be what was meant: at most half the value's length away (at least one edit).
 * `spellings` maps each code to the words it is known by.
 */
export function nearestCode(
  value: string,
  spellings: Readonly<Record<string, readonly string[]>>,
): string | null {
  const wanted = normalizeKey(value);
  if (wanted.length === 0) return null;
  let best: { code: string; distance: number } | null = null;
  for (const [code, words] of Object.entries(spellings)) {
    for (const word of [code, ...words]) {
      const distance = editDistance(wanted, normalizeKey(word));
      if (!best || distance < best.distance) best = { code, distance };
    }
  }
  const limit = Math.max(1, Math.floor([...wanted].length / 2));
  return best && best.distance <= limit ? best.code : null;
}
