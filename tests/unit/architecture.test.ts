import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
  form: 'static' | 'dynamic';
}

/** Files tests/unit/boundaries.test.ts plants for a moment (they cross boundaries on purpose). */
const PROBE_MARK = 'boundary-probe';

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .filter((entry) => !entry.name.includes(PROBE_MARK))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

const STATIC = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?from\s+)?['"](\.[^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/**
 * Relative imports of a file, resolved to repository paths: `import … from`, `export … from`
 * (`export *` too), side-effect imports and dynamic `import()`.
 */
function importsIn(file: string, text: string): Import[] {
  const resolve = (specifier: string) =>
    path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier));
  const statics = [...text.matchAll(STATIC)].map((match) => ({
    from: file,
    to: resolve(match[3]!),
    typeOnly: Boolean(match[2]),
    form: 'static' as const,
  }));
  const dynamics = [...text.matchAll(DYNAMIC)].map((match) => ({
    from: file,
    to: resolve(match[1]!),
    typeOnly: false,
    form: 'dynamic' as const,
  }));
  return [...statics, ...dynamics];
}

const importsOf = (file: string) => importsIn(file, readFileSync(path.join(ROOT, file), 'utf8'));

const all = ['api', 'web', 'data'].flatMap(sourceFiles).flatMap(importsOf);
const describeImport = (i: Import) => `${i.from} → ${i.to}`;
const SURFACES = ['ogc', 'open311', 'tiles', 'styles', 'stream'];

/** STYLE.md's dependency direction, checked on resolved paths. */
describe('architecture', () => {
  it('finds the imports it checks, dynamic ones and re-exports included', () => {
    expect(all.length).toBeGreaterThan(20);
    const text = [
      "export * from './z';",
      "export type { T } from '../t';",
      "import './side-effect';",
      "const m = await import('../w');",
      "import { x } from 'zod';",
    ].join('\n');
    expect(importsIn('api/db/y.ts', text).map(describeImport)).toEqual([
      'api/db/y.ts → api/db/z',
      'api/db/y.ts → api/t',
      'api/db/y.ts → api/db/side-effect',
      'api/db/y.ts → api/w',
    ]);
  });

  it('api/db imports no http, route, use case or surface', () => {
    const above = ['http', 'routes', 'use-cases', ...SURFACES].map((folder) => `api/${folder}/`);
    const bad = all.filter(
      (i) => i.from.startsWith('api/db/') && above.some((folder) => i.to.startsWith(folder)),
    );
    expect(bad.map(describeImport)).toEqual([]);
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
