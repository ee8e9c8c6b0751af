/** Text helpers for the benchmark's report. */

/** Columns padded to their widest cell; the first column left-aligned, the rest right-aligned. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    )
    .join('\n');
}

/** Milliseconds: one decimal below 10 ms, whole above. */
export const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;

/** How many times `slow` takes `fast`, e.g. `23.4×`. */
export const times = (slow: number, fast: number) => `${(slow / fast).toFixed(1)}×`;

/** A share as a fraction and as "1/n", e.g. `0.031 (1/32)`. */
export const share = (part: number, whole: number) =>
  `${(part / whole).toFixed(3)} (1/${Math.round(whole / part)})`;

/** Signed percentage with two decimals. */
export const percent = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)} %`;

/** Thousands separated, e.g. `297,116`. */
export const count = (value: number) => value.toLocaleString('en-US');

/** `met` or `NOT met`, for an aim. */
export const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
