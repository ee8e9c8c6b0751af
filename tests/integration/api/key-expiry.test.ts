import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { createTestApp, fixedClock, json } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, unique } from '../support/identities';

const db = useTestDatabase();
const run = promisify(execFile);

/** Runs `npm run key -- …args` as an operator would, against the test database. */
function keyCli(args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'api/cli/key.ts', ...args], {
    env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
  });
}

const keyCount = async (name: string) =>
  (await db().pool.query('SELECT 1 FROM api_keys WHERE name = $1', [name])).rowCount;

describe('an API key’s expiry must lie in the future', () => {
  const clock = fixedClock('2026-06-01T08:00:00Z');

  it('POST /api/v1/api-keys refuses an expiresAt at or before now with 400 naming it', async () => {
    const { district } = await areaCodes(db());
    const admin = await makeKey(db(), 'admin', [district]);
    const app = createTestApp(db(), { clock });
    for (const expiresAt of [
      '2026-06-01T07:59:59Z',
      '2026-06-01T08:00:00Z',
      '2020-01-01T00:00:00Z',
    ]) {
      const name = unique('stale');
      const body = { name, role: 'display', scopes: [district], expiresAt };
      const response = await app.request('/api/v1/api-keys', json('POST', body, admin.key));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: 'invalid_request', issues: [{ path: 'expiresAt' }] },
      });
      expect(await keyCount(name)).toBe(0);
    }
    const body = { name: unique('ok'), role: 'display', scopes: [district] };
    const later = { ...body, expiresAt: '2026-06-01T08:00:01Z' };
    expect((await app.request('/api/v1/api-keys', json('POST', later, admin.key))).status).toBe(
      201,
    );
  });

  it('npm run key refuses --expires in the past and creates nothing', async () => {
    const { district } = await areaCodes(db());
    const name = unique('stale-cli');
    const args = ['create', '--name', name, '--role', 'display', '--scope', district];
    await expect(keyCli([...args, '--expires', '2020-01-01T00:00:00Z'])).rejects.toMatchObject({
      stderr: expect.stringContaining('expiresAt'),
    });
    expect(await keyCount(name)).toBe(0);
    await expect(keyCli([...args, '--expires', 'soon'])).rejects.toMatchObject({
      stderr: expect.stringContaining('expiresAt'),
    });
    const created = await keyCli([...args, '--expires', '2999-01-01T00:00:00Z']);
    expect(created.stdout).toContain(`Created key ${name}`);
  });
});
