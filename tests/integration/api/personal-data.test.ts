import { describe, expect, it } from 'vitest';
import type { UserRole } from '../../../api/contract/codes';
import { withScope } from '../../../api/db/scoped';
import type { Logger } from '../../../api/log';
import { bearer, call, createTestApp, json } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, makeUser } from '../support/identities';

const db = useTestDatabase();

async function contactAs(role: UserRole): Promise<{ masked: string; phone: string }> {
  const { district } = await areaCodes(db());
  const member = await db().pool.query<{ id: string; phone: string }>(
    'SELECT id, phone FROM grid_members ORDER BY id LIMIT 1',
  );
  const { id, phone } = member.rows[0]!;
  const principal = { kind: 'api_key' as const, id: 0, name: 't', role, scopes: [district] };
  const masked = await withScope(db().pool, principal, async (client) => {
    const result = await client.query<{ contact: string }>('SELECT member_contact($1) AS contact', [
      id,
    ]);
    return result.rows[0]!.contact;
  });
  return { masked, phone };
}

/** A logger that keeps every line, to search for leaked secrets. */
function capturingLogger(lines: string[]): Logger {
  const keep =
    (level: string) =>
    (message: string, fields = {}) =>
      void lines.push(JSON.stringify({ level, message, ...fields }));
  return { info: keep('info'), warn: keep('warn'), error: keep('error') };
}

describe('personal data', () => {
  it('masks phone numbers as 138****5678 for roles that do not need them', async () => {
    for (const role of ['display', 'planner', 'api_consumer', 'grid_member'] as const) {
      const { masked, phone } = await contactAs(role);
      expect(masked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    }
  });

  it('shows them whole to commanders, operators and admins', async () => {
    for (const role of ['commander', 'operator', 'admin'] as const) {
      const { masked, phone } = await contactAs(role);
      expect(masked).toBe(phone);
    }
  });

  it('refuses scoped queries that read the phone column directly', async () => {
    const { district } = await areaCodes(db());
    const principal = {
      kind: 'api_key' as const,
      id: 0,
      name: 't',
      role: 'admin' as const,
      scopes: [district],
    };
    await expect(
      withScope(db().pool, principal, (client) =>
        client.query('SELECT phone FROM grid_members LIMIT 1'),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('never writes keys, passwords, tokens or hashes to the log or into list responses', async () => {
    const { district } = await areaCodes(db());
    const lines: string[] = [];
    const app = createTestApp(db(), { log: capturingLogger(lines) });
    const admin = await makeKey(db(), 'admin', [district]);
    const user = await makeUser(db(), 'operator', [district]);
    const login = await call(
      app,
      '/api/v1/auth/login',
      json('POST', { username: user.username, password: user.password }),
      '10.7.0.1',
    );
    const token = (login.headers.get('set-cookie') ?? '').split(';')[0]!.split('=')[1]!;
    await call(
      app,
      '/api/v1/auth/login',
      json('POST', { username: user.username, password: `${user.password}x` }),
      '10.7.0.1',
    );
    const created = await (
      await call(
        app,
        '/api/v1/api-keys',
        json('POST', { name: 'leak-test', role: 'display', scopes: [district] }, admin.key),
      )
    ).json();
    await call(app, '/ogc/collections/admin-areas/items', bearer(created.key));
    await call(app, '/api/v1/auth/me', bearer(`${admin.key}-wrong`));
    const listed =
      (await (await call(app, '/api/v1/users', bearer(admin.key))).text()) +
      (await (await call(app, '/api/v1/api-keys', bearer(admin.key))).text());
    const hashes = await db().pool.query<{ h: string }>(
      'SELECT password_hash AS h FROM users UNION ALL SELECT secret_hash FROM api_keys UNION ALL SELECT token_hash FROM sessions',
    );
    const secrets = [admin.key, created.key, user.password, token, ...hashes.rows.map((r) => r.h)];
    expect(lines.length).toBeGreaterThan(5);
    const logText = lines.join('\n');
    for (const secret of secrets) {
      expect(logText).not.toContain(secret);
      expect(listed).not.toContain(secret);
    }
    expect(listed).not.toMatch(/password|secret_hash|secretHash/i);
  });

  it('audits every change to users and keys with actor and time', async () => {
    const { district } = await areaCodes(db());
    const admin = await makeKey(db(), 'admin', [district]);
    const app = createTestApp(db());
    const created = await (
      await call(
        app,
        '/api/v1/users',
        json(
          'POST',
          {
            username: 'audited-user',
            password: 'a-long-password-2',
            role: 'planner',
            scopes: [district],
          },
          admin.key,
        ),
      )
    ).json();
    await call(app, `/api/v1/users/${created.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${admin.key}` },
    });
    const key = await (
      await call(
        app,
        '/api/v1/api-keys',
        json('POST', { name: 'audited-key', role: 'display', scopes: [district] }, admin.key),
      )
    ).json();
    await call(app, `/api/v1/api-keys/${key.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${admin.key}` },
    });
    const audit = await db().pool.query<{ action: string; actor: string; at: Date }>(
      `SELECT action, actor, at FROM audit_log WHERE target IN ('user:audited-user', 'key:audited-key') ORDER BY seq`,
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'user.create',
      'user.disable',
      'api_key.create',
      'api_key.revoke',
    ]);
    for (const row of audit.rows) {
      expect(row.actor).toMatch(/^key:admin-/);
      expect(row.at).toBeInstanceOf(Date);
    }
  });
});
