import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, configDefault } from '../../../api/config';

const README = path.resolve(import.meta.dirname, '../../../README.md');

/** The README's configuration table: variable → its Default cell. */
function documentedVariables(): Map<string, string> {
  const text = readFileSync(README, 'utf8');
  const section = text.slice(text.indexOf('## Configuration'));
  const table = section.slice(0, section.indexOf('\n## ', 1));
  const rows = [...table.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|\s*([^|]*?)\s*\|/gm)];
  return new Map(rows.map((row) => [row[1]!, row[2]!]));
}

/** How the README writes a default: `—` for none, else the value in backticks. */
function shownDefault(value: unknown): string {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return '—';
  return `\`${String(value)}\``;
}

describe('the README configuration table', () => {
  const documented = documentedVariables();

  it('lists every variable api/config.ts reads, and no other', () => {
    expect([...documented.keys()].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('gives each variable the default the code uses', () => {
    for (const name of CONFIG_VARIABLES) {
      if (!documented.has(name)) continue;
      expect(documented.get(name), name).toBe(shownDefault(configDefault(name)));
    }
  });
});
