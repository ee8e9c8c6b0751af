import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { bearer, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, unique } from '../support/identities';

const db = useTestDatabase();
const run = promisify(execFile);

/** Runs `npm run <script> -- …args` as an operator would, against the test database. */
function cli(script: 'user' | 'key', args: string[]) {
  return run(process.execPath, ['--import', 'tsx', `api/cli/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
  });
}

describe('admin command line', () => {
  it('creates a key that works, lists it without the secret, and revokes it', async () => {
    const { district } = await areaCodes(db());
    const name = unique('wall');
    const created = await cli('key', [
      'create',
      '--name',
      name,
      '--role',
      'display',
      '--scope',
      district,
    ]);
    const key = /Key \(shown once\): (\S+)/.exec(created.stdout)?.[1];
    expect(key).toMatch(/^yp_[0-9a-f]{8}_/);
    const app = createTestApp(db());
    expect((await app.request('/api/v1/auth/me', bearer(key!))).status).toBe(200);
    const listed = await cli('key', ['list']);
    expect(listed.stdout).toContain(name);
    expect(listed.stdout).not.toContain(key!);
    const prefix = key!.split('_')[1]!;
    await cli('key', ['revoke', prefix]);
    expect((await app.request('/api/v1/auth/me', bearer(key!))).status).toBe(401);
  });

  it('adds a user with a password from stdin and disables them', async () => {
    const { street } = await areaCodes(db());
    const username = unique('duty');
    const child = cli('user', [
      'add',
      username,
      '--role',
      'operator',
      '--scope',
      street,
      '--password-stdin',
    ]);
    child.child.stdin?.end('a-long-password-3\n');
    const added = await child;
    const id = /id (\d+)/.exec(added.stdout)?.[1];
    expect(id).toBeDefined();
    const app = createTestApp(db());
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: 'a-long-password-3' }),
    });
    expect(login.status).toBe(200);
    await cli('user', ['disable', id!]);
    expect((await cli('user', ['list'])).stdout).toMatch(
      new RegExp(`${username}\\s+operator\\s+\\S+\\s+true`),
    );
  });

  it('explains a bad scope instead of failing obscurely', async () => {
    await expect(
      cli('key', ['create', '--name', 'x', '--role', 'display', '--scope', '999999999999']),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('Unknown admin-area codes: 999999999999'),
    });
  });
});
