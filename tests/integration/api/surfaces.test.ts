import { describe, expect, it } from 'vitest';
import { isRateLimitedPath, surfaceOfPath } from '../../../api/contract/surfaces';
import { declaredRoutes } from '../../../api/http/policy';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';

const db = useTestDatabase();

describe('surfaces of the app', () => {
  it('answers every route from a surface of the table, rate-limited unless a health probe', () => {
    const routes = declaredRoutes(createTestApp(db()));
    const paths = [...new Set(routes.map((route) => route.path))];
    expect(paths.length).toBeGreaterThan(30);
    for (const path of paths) {
      const surface = surfaceOfPath(path);
      expect(surface, path).toBeDefined();
      expect(isRateLimitedPath(path), path).toBe(surface !== 'health');
    }
  });
});
