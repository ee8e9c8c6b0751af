import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Probe files carry this in their name; tests/unit/architecture.test.ts skips them. */
const PROBE_MARK = 'boundary-probe';

type Form = 'import' | 'dynamic import' | 're-export' | 'type import';

/** One crossing: a file planted in `from` (a folder, or a file at the top of a folder) imports `to`. */
interface Crossing {
  from: string;
  to: string;
  form?: Form;
}

/**
 * Each boundary of STYLE.md's dependency direction, crossed once; every one must fail lint
 * (as a value import, a dynamic import and a re-export, unless a form is given).
 */
const FORBIDDEN: Crossing[] = [
  { from: 'api/contract/', to: 'api/domain/' },
  { from: 'api/contract/', to: 'hono' },
  { from: 'api/domain/incidents/', to: 'api/db/' },
  { from: 'api/domain/', to: 'api/http/' },
  { from: 'api/domain/', to: 'pg' },
  { from: 'api/db/', to: 'api/http/' },
  { from: 'api/db/', to: 'api/use-cases/' },
  { from: 'api/db/', to: 'api/routes/' },
  { from: 'api/http/', to: 'api/open311/' },
  { from: 'api/http/', to: 'api/routes/' },
  { from: 'api/http/', to: 'api/use-cases/' },
  { from: 'api/use-cases/', to: 'api/http/' },
  { from: 'api/use-cases/', to: 'api/routes/' },
  { from: 'api/routes/', to: 'api/app.ts' },
  { from: 'api/routes/', to: 'api/ogc/' },
  { from: 'api/ogc/', to: 'api/open311/' },
  { from: 'api/tiles/', to: 'api/routes/' },
  { from: 'api/app.ts', to: 'api/server.ts' },
  { from: 'api/config.ts', to: 'api/db/' },
  { from: 'api/routes/', to: 'web/domain/' },
  { from: 'api/db/', to: 'data/district/' },
  { from: 'api/domain/', to: 'tests/support/' },
  { from: 'web/features/', to: 'api/db/' },
  { from: 'web/map/', to: 'api/domain/' },
  { from: 'web/domain/', to: 'web/server-state/' },
  { from: 'web/domain/', to: 'web/map/' },
  { from: 'web/domain/', to: 'react' },
  { from: 'web/server-state/', to: 'web/features/' },
  { from: 'web/features/', to: 'data/district/' },
  { from: 'web/main.tsx', to: 'tests/support/' },
  { from: 'data/', to: 'web/domain/' },
  { from: 'data/simulator/', to: 'tests/support/' },
  { from: 'data/', to: 'api/routes/' },
  // Types do not cross everywhere either.
  { from: 'web/features/', to: 'data/district/', form: 'type import' },
  { from: 'api/domain/', to: 'api/db/', form: 'type import' },
  { from: 'web/domain/', to: 'web/map/', form: 'type import' },
];

/** Crossings the direction allows: the probe must also be able to pass. */
const ALLOWED: Crossing[] = [
  { from: 'api/domain/incidents/', to: 'api/contract/' },
  { from: 'api/contract/', to: 'zod' },
  { from: 'api/routes/', to: 'api/db/' },
  { from: 'api/ogc/', to: 'api/use-cases/' },
  { from: 'api/server.ts', to: 'data/district/' },
  { from: 'web/features/', to: 'api/contract/' },
  { from: 'web/features/', to: 'api/db/', form: 'type import' },
  { from: 'web/domain/', to: 'web/server-state/', form: 'type import' },
  { from: 'data/simulator/', to: 'api/use-cases/' },
  { from: 'tests/unit/', to: 'api/db/' },
];

/** An existing source file in a folder (a package name or a file path is returned as it is). */
function targetOf(to: string): string {
  if (!to.endsWith('/')) return to;
  const name = readdirSync(path.join(ROOT, to), { recursive: true, encoding: 'utf8' })
    .filter((entry) => /\.tsx?$/.test(entry) && !entry.includes(PROBE_MARK))
    .sort()[0];
  if (!name) throw new Error(`no source file in ${to}`);
  return path.join(to, name);
}

function specifierOf(probe: string, to: string): string {
  const target = targetOf(to);
  if (!target.includes('/')) return target;
  const relative = path.relative(path.dirname(probe), path.join(ROOT, target));
  return (relative.startsWith('.') ? relative : `./${relative}`).replace(/\.tsx?$/, '');
}

function sourceOf(form: Form, specifier: string): string {
  if (form === 'dynamic import') return `export const load = () => import('${specifier}');\n`;
  if (form === 're-export') return `export * from '${specifier}';\n`;
  if (form === 'type import') return `export type * as probe from '${specifier}';\n`;
  return `import * as probe from '${specifier}';\n\nexport const used = probe;\n`;
}

/**
 * Lints one crossing with the project's config (boundaries only). From a folder, a probe file is
 * planted there and removed; from a file (`api/app.ts`), the probe's text is linted as that file.
 */
async function boundaryErrors(crossing: Crossing, form: Form, index: number): Promise<string[]> {
  const inFolder = crossing.from.endsWith('/');
  const file = inFolder
    ? path.join(ROOT, crossing.from, `${PROBE_MARK}-${process.pid}-${index}.ts`)
    : path.join(ROOT, crossing.from);
  const text = sourceOf(form, specifierOf(file, crossing.to));
  try {
    if (inFolder) writeFileSync(file, text);
    const [result] = inFolder
      ? await eslint.lintFiles([file])
      : await eslint.lintText(text, { filePath: file });
    return (result?.messages ?? [])
      .filter((m) => m.ruleId?.startsWith('boundaries/') || m.fatal)
      .map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
  } finally {
    if (inFolder) rmSync(file, { force: true });
  }
}

// Type-aware rules need a program per file; the boundaries rule does not.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
    },
  },
});

const describeCrossing = (c: Crossing) => `${c.from} → ${c.to}`;

describe('import boundaries (a probe file planted, linted and removed)', () => {
  it.each(FORBIDDEN.map((c, i) => [describeCrossing(c), c, i] as const))(
    '%s fails lint',
    async (_name, crossing, index) => {
      const forms: Form[] = crossing.form
        ? [crossing.form]
        : ['import', 'dynamic import', 're-export'];
      for (const [offset, form] of forms.entries()) {
        const errors = await boundaryErrors(crossing, form, index * 4 + offset);
        expect(errors, `${form} ${describeCrossing(crossing)}`).toContainEqual(
          expect.stringMatching(/^boundaries\/dependencies: /),
        );
      }
    },
  );

  it.each(ALLOWED.map((c, i) => [describeCrossing(c), c, 1000 + i] as const))(
    '%s passes',
    async (_name, crossing, index) => {
      expect(await boundaryErrors(crossing, crossing.form ?? 'import', index)).toEqual([]);
    },
  );
});
