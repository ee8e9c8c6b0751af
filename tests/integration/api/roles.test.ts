import { beforeAll, describe, expect, it } from 'vitest';
import { USER_ROLES, type UserRole } from '../../../api/contract/codes';
import { call, createTestApp, json } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, unique } from '../support/identities';

const db = useTestDatabase();
const keys = {} as Record<UserRole, string>;
let district: string;

beforeAll(async () => {
  district = (await areaCodes(db())).district;
  for (const role of USER_ROLES) keys[role] = (await makeKey(db(), role, [district])).key;
});

/** Each action a role may try today, and the roles allowed to do it. */
const ACTIONS: {
  name: string;
  allowed: UserRole[];
  request: (key: string) => [string, RequestInit];
}[] = [
  {
    name: 'read layers (OGC admin areas)',
    allowed: [...USER_ROLES],
    request: (key) => [
      '/ogc/collections/admin-areas/items',
      { headers: { Authorization: `Bearer ${key}` } },
    ],
  },
  {
    name: 'see who they are',
    allowed: [...USER_ROLES],
    request: (key) => ['/api/v1/auth/me', { headers: { Authorization: `Bearer ${key}` } }],
  },
  {
    name: 'list users',
    allowed: ['admin'],
    request: (key) => ['/api/v1/users', { headers: { Authorization: `Bearer ${key}` } }],
  },
  {
    name: 'list API keys',
    allowed: ['admin'],
    request: (key) => ['/api/v1/api-keys', { headers: { Authorization: `Bearer ${key}` } }],
  },
  {
    name: 'create an API key',
    allowed: ['admin'],
    request: (key) => [
      '/api/v1/api-keys',
      json('POST', { name: unique('k'), role: 'display', scopes: [district] }, key),
    ],
  },
  {
    name: 'create a user',
    allowed: ['admin'],
    request: (key) => [
      '/api/v1/users',
      json(
        'POST',
        {
          username: unique('u'),
          password: 'a-long-password-1',
          role: 'planner',
          scopes: [district],
        },
        key,
      ),
    ],
  },
];

describe.each(USER_ROLES)('role %s', (role) => {
  it.each(ACTIONS.map((action) => [action.name, action] as const))('%s', async (_name, action) => {
    const [path, init] = action.request(keys[role]);
    const response = await call(createTestApp(db()), path, init);
    if (action.allowed.includes(role)) {
      expect([200, 201]).toContain(response.status);
    } else {
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('forbidden');
    }
  });
});
