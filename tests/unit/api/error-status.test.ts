import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ErrorCodeSchema } from '../../../api/contract/errors';
import { ERROR_STATUSES } from '../../../api/openapi/error-body';
import { buildApiOpenApi } from '../../../api/openapi/document';
import { ERROR_HTTP_STATUS, httpStatusOf } from '../../../api/http/error-status';

const API_DIR = path.resolve(import.meta.dirname, '../../../api');

/** Every TypeScript file under api/. */
function apiSources(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return apiSources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The string literal codes errors are built with: `new AppError('x', …)` and `super('x', …)`. */
function thrownCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /(?:new AppError|super)\(\s*'([a-z_]+)'/g;
  for (const file of apiSources()) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      found.set(match[1]!, path.relative(API_DIR, file));
    }
  }
  return found;
}

describe('error codes', () => {
  it('gives every code of the contract exactly one status, and no status to anything else', () => {
    expect(Object.keys(ERROR_HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) expect(httpStatusOf(code)).toBeGreaterThanOrEqual(400);
  });

  it('throws only codes of the contract', () => {
    const codes = thrownCodes();
    expect(codes.size).toBeGreaterThan(15);
    for (const [code, file] of codes) {
      expect(ErrorCodeSchema.safeParse(code).success, `${code} in api/${file}`).toBe(true);
    }
  });

  it('documents a response for every client-error status a code maps to', () => {
    const documented = new Set<number>(Object.keys(ERROR_STATUSES).map(Number));
    const clientErrors = Object.values(ERROR_HTTP_STATUS).filter((status) => status < 500);
    for (const status of clientErrors) expect(documented, `status ${status}`).toContain(status);
  });

  it('lists the codes as the enum of the error body in the OpenAPI document', () => {
    const document = buildApiOpenApi() as {
      components: { schemas: { ErrorBody: { properties: { error: { properties: object } } } } };
    };
    const { code } = document.components.schemas.ErrorBody.properties.error.properties as {
      code: { enum: string[] };
    };
    expect(code.enum).toEqual([...ERROR_CODES]);
  });
});
