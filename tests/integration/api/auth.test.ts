import { describe, expect, it } from 'vitest';
import { MeSchema } from '../../../api/contract/auth';
import { call, createTestApp, fixedClock, json } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, makeUser } from '../support/identities';

const db = useTestDatabase();
const ORIGIN = 'http://localhost';

const credentials = (user: { username: string; password: string }) => ({
  username: user.username,
  password: user.password,
});

/** The session cookie from a login answer, ready to send back. */
function sessionCookie(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  expect(header).toMatch(/yp_session=[^;]+;.*HttpOnly/i);
  expect(header).toMatch(/SameSite=Lax/i);
  return header.split(';')[0]!;
}

describe('log-in and sessions', () => {
  it('logs a user in with a password and answers /me from the cookie', async () => {
    const { district } = await areaCodes(db());
    const user = await makeUser(db(), 'operator', [district]);
    const app = createTestApp(db());
    const login = await call(
      app,
      '/api/v1/auth/login',
      json('POST', credentials(user)),
      '10.1.0.1',
    );
    expect(login.status).toBe(200);
    const me = await call(app, '/api/v1/auth/me', { headers: { Cookie: sessionCookie(login) } });
    expect(me.status).toBe(200);
    const body = MeSchema.parse(await me.json());
    expect(body).toMatchObject({ kind: 'user', name: user.username, role: 'operator' });
    expect(body.permissions).toContain('incidents:act');
    // The test app's clock stands at 2026-06-01T08:00:00Z; sessions last 12 hours by default.
    expect(body.expiresAt).toBe('2026-06-01T20:00:00.000Z');
  });

  it('logs an API key in (kiosks) and rotates the session on each log-in', async () => {
    const { district } = await areaCodes(db());
    const { key } = await makeKey(db(), 'display', [district]);
    const app = createTestApp(db());
    const first = sessionCookie(
      await call(app, '/api/v1/auth/login', json('POST', { apiKey: key })),
    );
    const second = await call(app, '/api/v1/auth/login', {
      ...json('POST', { apiKey: key }),
      headers: { 'Content-Type': 'application/json', Cookie: first, Origin: ORIGIN },
    });
    expect(sessionCookie(second)).not.toBe(first);
    expect((await call(app, '/api/v1/auth/me', { headers: { Cookie: first } })).status).toBe(401);
  });

  it('refuses a wrong password and an unknown key with 401', async () => {
    const { district } = await areaCodes(db());
    const user = await makeUser(db(), 'planner', [district]);
    const app = createTestApp(db());
    const wrong = await call(
      app,
      '/api/v1/auth/login',
      json('POST', { username: user.username, password: 'nope-nope-nope' }),
      '10.1.0.2',
    );
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('invalid_credentials');
    const badKey = await call(
      app,
      '/api/v1/auth/login',
      json('POST', { apiKey: 'yp_00000000_nothing' }),
      '10.1.0.2',
    );
    expect(badKey.status).toBe(401);
  });

  it('logs out: the session is revoked on the server, not just forgotten', async () => {
    const { district } = await areaCodes(db());
    const user = await makeUser(db(), 'planner', [district]);
    const app = createTestApp(db());
    const cookie = sessionCookie(
      await call(app, '/api/v1/auth/login', json('POST', credentials(user)), '10.1.0.3'),
    );
    const logout = await call(app, '/api/v1/auth/logout', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: ORIGIN },
    });
    expect(logout.status).toBe(204);
    expect((await call(app, '/api/v1/auth/me', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('expires sessions after the configured hours', async () => {
    const { district } = await areaCodes(db());
    const user = await makeUser(db(), 'planner', [district]);
    const clock = fixedClock('2026-06-01T08:00:00Z');
    const app = createTestApp(db(), { clock, limits: { sessionHours: 2 } });
    const cookie = sessionCookie(
      await call(app, '/api/v1/auth/login', json('POST', credentials(user)), '10.1.0.4'),
    );
    clock.advance(3 * 3_600_000);
    expect((await call(app, '/api/v1/auth/me', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('refuses revoked and expired keys', async () => {
    const { district } = await areaCodes(db());
    const expired = await makeKey(db(), 'api_consumer', [district], '2026-05-01T00:00:00Z');
    const app = createTestApp(db());
    const me = (key: string) =>
      call(app, '/api/v1/auth/me', { headers: { Authorization: `Bearer ${key}` } });
    expect((await me(expired.key)).status).toBe(401);
    const admin = await makeKey(db(), 'admin', [district]);
    const doomed = await makeKey(db(), 'api_consumer', [district]);
    expect((await me(doomed.key)).status).toBe(200);
    const revoke = await call(app, `/api/v1/api-keys/${doomed.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${admin.key}` },
    });
    expect(revoke.status).toBe(200);
    expect((await me(doomed.key)).status).toBe(401);
  });

  it('ends the sessions of a disabled user', async () => {
    const { district } = await areaCodes(db());
    const user = await makeUser(db(), 'operator', [district]);
    const admin = await makeKey(db(), 'admin', [district]);
    const app = createTestApp(db());
    const cookie = sessionCookie(
      await call(app, '/api/v1/auth/login', json('POST', credentials(user)), '10.1.0.5'),
    );
    const disable = await call(app, `/api/v1/users/${user.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${admin.key}` },
    });
    expect(disable.status).toBe(200);
    expect((await call(app, '/api/v1/auth/me', { headers: { Cookie: cookie } })).status).toBe(401);
    expect(
      (await call(app, '/api/v1/auth/login', json('POST', credentials(user)), '10.1.0.5')).status,
    ).toBe(401);
  });
});
