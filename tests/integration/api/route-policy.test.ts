import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../../api/http/env';
import { assertEveryRouteDeclared, declaredRoutes } from '../../../api/http/policy';
import { call, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';

const db = useTestDatabase();

/** A concrete URL for a route pattern (`:id` → a plausible value, `*` → a path). */
const concrete = (path: string) => path.replace(/:\w+/g, '1').replace(/\*/g, 'anything');

describe('route policy', () => {
  it('every route of the app declares the permission it needs', () => {
    const routes = declaredRoutes(createTestApp(db()));
    expect(routes.length).toBeGreaterThan(8);
    expect(routes.filter((route) => !route.permission)).toEqual([]);
  });

  it('no non-public route answers without credentials', async () => {
    const app = createTestApp(db());
    const guarded = declaredRoutes(app).filter((route) => route.permission !== 'public');
    expect(guarded.length).toBeGreaterThan(5);
    for (const route of guarded) {
      const response = await call(app, concrete(route.path), {
        method: route.method,
        headers: { 'Content-Type': 'application/json' },
        ...(route.method === 'GET' ? {} : { body: '{}' }),
      });
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('catches a route added without a declaration', () => {
    const careless = new Hono<AppEnv>();
    careless.get('/leak', (c) => c.json({ secret: true }));
    const app = createTestApp(db());
    app.route('/api/v1/careless', careless);
    expect(declaredRoutes(app).filter((route) => !route.permission)).toEqual([
      { method: 'GET', path: '/api/v1/careless/leak', permission: undefined },
    ]);
    expect(() => assertEveryRouteDeclared(app)).toThrow(/careless\/leak/);
  });
});
