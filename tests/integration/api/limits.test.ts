import { describe, expect, it } from 'vitest';
import { bearer, call, createTestApp, fixedClock, json } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, makeUser } from '../support/identities';

const db = useTestDatabase();

describe('abuse limits', () => {
  it('limits each key per minute with 429 and Retry-After, then lets it in again', async () => {
    const { key } = await makeKey(db(), 'display', [(await areaCodes(db())).district]);
    const clock = fixedClock('2026-06-01T08:00:10Z');
    const app = createTestApp(db(), { clock, limits: { perCallerPerMinute: 3 } });
    for (let i = 0; i < 3; i++)
      expect((await call(app, '/api/v1/auth/me', bearer(key))).status).toBe(200);
    const refused = await call(app, '/api/v1/auth/me', bearer(key));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('50');
    expect((await refused.json()).error.code).toBe('too_many_requests');
    clock.advance(60_000);
    expect((await call(app, '/api/v1/auth/me', bearer(key))).status).toBe(200);
  });

  it('limits anonymous callers per address', async () => {
    const app = createTestApp(db(), { limits: { perIpPerMinute: 2 } });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await call(app, '/api/v1/auth/me', {}, '10.2.0.1')).status);
    expect(statuses).toEqual([401, 401, 429]);
    expect((await call(app, '/api/v1/auth/me', {}, '10.2.0.2')).status).toBe(401);
  });

  it('holds an account back after repeated failed log-ins, even from many addresses', async () => {
    const user = await makeUser(db(), 'operator', [(await areaCodes(db())).district]);
    const clock = fixedClock('2026-06-01T08:00:00Z');
    const app = createTestApp(db(), { clock });
    const attempt = (password: string, ip: string) =>
      call(app, '/api/v1/auth/login', json('POST', { username: user.username, password }), ip);
    for (let i = 0; i < 10; i++)
      expect((await attempt('wrong-password', `10.3.0.${i}`)).status).toBe(401);
    const locked = await attempt(user.password, '10.3.0.99');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('60');
    clock.advance(60_000);
    expect((await attempt(user.password, '10.3.0.99')).status).toBe(200);
  });

  it('throttles an address that keeps failing, whatever the account', async () => {
    const app = createTestApp(db(), { limits: { loginAddressFailures: 5 } });
    const attempt = (name: string) =>
      call(
        app,
        '/api/v1/auth/login',
        json('POST', { username: name, password: 'guess-guess' }),
        '10.4.0.1',
      );
    for (let i = 0; i < 5; i++) expect((await attempt(`nobody${i}`)).status).toBe(401);
    expect((await attempt('nobody9')).status).toBe(429);
    expect(
      (await call(app, '/api/v1/auth/login', json('POST', { apiKey: 'x' }), '10.4.0.2')).status,
    ).toBe(401);
  });

  it('refuses a body over the limit with 413 in the error shape', async () => {
    const app = createTestApp(db(), { limits: { bodyBytes: 1000 } });
    const response = await call(
      app,
      '/api/v1/auth/login',
      json('POST', { apiKey: 'x'.repeat(2000) }),
      '10.5.0.1',
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('payload_too_large');
  });

  it('sends a strict Content-Security-Policy allowing only our own origin', async () => {
    const response = await call(createTestApp(db()), '/healthz');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
  });

  it('refuses cookie-authenticated writes without our Origin', async () => {
    const user = await makeUser(db(), 'planner', [(await areaCodes(db())).district]);
    const app = createTestApp(db());
    const login = await call(
      app,
      '/api/v1/auth/login',
      json('POST', { username: user.username, password: user.password }),
      '10.6.0.1',
    );
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const logout = (headers: Record<string, string>) =>
      call(app, '/api/v1/auth/logout', { method: 'POST', headers: { Cookie: cookie, ...headers } });
    expect((await logout({})).status).toBe(403);
    expect((await logout({ Origin: 'http://evil.example' })).status).toBe(403);
    expect((await logout({ Origin: 'http://localhost' })).status).toBe(204);
  });
});
