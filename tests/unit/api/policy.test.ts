import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../api/domain/principal';
import type { AppEnv } from '../../../api/http/env';
import { createErrorHandler } from '../../../api/http/error-handler';
import { allow, requirePrincipal } from '../../../api/http/policy';
import { createLogger } from '../../../api/log';

const DISPLAY: Principal = {
  kind: 'user',
  id: 7,
  name: 'wall',
  role: 'display',
  scopes: ['310101'],
};

/** A small app whose requests carry `caller` as the principal, as authenticate() would set it. */
function appFor(caller: Principal | null) {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(createLogger('silent')));
  app.use(async (c, next) => {
    c.set('principal', caller);
    await next();
  });
  app.get('/read', allow('incidents:read'), (c) => c.json({ name: requirePrincipal(c).name }));
  app.get('/act', allow('incidents:act'), (c) => c.json({ name: requirePrincipal(c).name }));
  app.get('/forgot', allow('public'), (c) => c.json({ name: requirePrincipal(c).name }));
  return app;
}

describe('reading the caller', () => {
  it('hands the handler the principal allow() let through', async () => {
    const response = await appFor(DISPLAY).request('/read');
    expect(await response.json()).toEqual({ name: 'wall' });
  });

  it('refuses an anonymous caller with 401 and a role without the permission with 403', async () => {
    const anonymous = await appFor(null).request('/read');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthenticated');
    expect((await appFor(DISPLAY).request('/act')).status).toBe(403);
  });

  it('answers 401 rather than running without a caller on a public route that needs one', async () => {
    expect((await appFor(null).request('/forgot')).status).toBe(401);
  });
});
