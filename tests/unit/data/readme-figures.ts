import { readFileSync } from 'node:fs';

/**
 * The README's table of the demo district (`| Layer | Rows | Notes |`), row by layer name, so a
 * test can hold its figures to what the generator makes.
 */
export function readmeDistrictTable(): Map<string, { rows: string; notes: string }> {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const table = new Map<string, { rows: string; notes: string }>();
  const start = readme.indexOf('| Layer ');
  for (const line of readme.slice(start).split('\n')) {
    if (!line.startsWith('|')) break;
    const [layer, rows, notes] = line
      .split('|')
      .slice(1, 4)
      .map((cell) => cell.trim());
    if (layer && rows !== undefined && notes !== undefined) table.set(layer, { rows, notes });
  }
  return table;
}

/** The numbers written in a cell, in order ("1 district, 5 streets, 81 communities" → 1, 5, 81). */
export function numbersIn(cell: string): number[] {
  return [...cell.matchAll(/\d[\d,.]*/g)].map((m) => Number(m[0].replaceAll(',', '')));
}
