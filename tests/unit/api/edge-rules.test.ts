import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const API_DIR = path.join(ROOT, 'api');

/** Every TypeScript file under api/, as a path relative to the repository. */
function apiSources(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return apiSources(full);
    return entry.name.endsWith('.ts') ? [path.relative(ROOT, full)] : [];
  });
}

/** The files under api/ whose text matches `pattern`. */
function filesMatching(pattern: RegExp): string[] {
  return apiSources().filter((file) => pattern.test(readFileSync(path.join(ROOT, file), 'utf8')));
}

describe('what only one module of api/ may do', () => {
  it('reads the wall clock only in api/domain/clock.ts; everything else takes the Clock', () => {
    expect(filesMatching(/new Date\(\)|Date\.now\(\)/)).toEqual(['api/domain/clock.ts']);
  });

  it('reads process.env only in api/config.ts', () => {
    expect(filesMatching(/process\.env/)).toEqual(['api/config.ts']);
  });
});
