import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/** Relative imports of a file, resolved to repository paths. */
function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"](\.[^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((match) => ({
    from: file,
    to: path.relative(ROOT, path.resolve(ROOT, path.dirname(file), match[3]!)),
    typeOnly: Boolean(match[2]),
  }));
}

const all = ['api', 'web', 'data'].flatMap(sourceFiles).flatMap(importsOf);
const describeImport = (i: Import) => `${i.from} → ${i.to}`;

/** STYLE.md's dependency direction, checked on resolved paths. */
describe('architecture', () => {
  it('finds the imports it checks', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it('api/ never imports web/, data/ or tests/ (only the entry point seeds from data/)', () => {
    const bad = all.filter(
      (i) =>
        i.from.startsWith('api/') &&
        (i.to.startsWith('web') ||
          i.to.startsWith('tests') ||
          (i.to.startsWith('data') && i.from !== 'api/server.ts')),
    );
    expect(bad.map(describeImport)).toEqual([]);
  });

  it('api/contract imports only itself; api/domain only contract and domain', () => {
    const bad = all.filter(
      (i) =>
        (i.from.startsWith('api/contract/') && !i.to.startsWith('api/contract')) ||
        (i.from.startsWith('api/domain/') &&
          !i.to.startsWith('api/contract') &&
          !i.to.startsWith('api/domain')),
    );
    expect(bad.map(describeImport)).toEqual([]);
  });

  it('web/ takes values only from api/contract and never imports data/ or tests/', () => {
    const bad = all.filter(
      (i) =>
        i.from.startsWith('web/') &&
        ((i.to.startsWith('api/') && !i.to.startsWith('api/contract') && !i.typeOnly) ||
          i.to.startsWith('data') ||
          i.to.startsWith('tests')),
    );
    expect(bad.map(describeImport)).toEqual([]);
  });
});
