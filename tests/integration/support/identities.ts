import { randomBytes } from 'node:crypto';
import type { UserRole } from '../../../api/contract/codes';
import type { Database } from '../../../api/db/database';
import { insertApiKey, insertUser } from '../../../api/db/identities';
import { digestSecret, hashPassword, newApiKey } from '../../../api/domain/secrets';

/** A unique name, so tests sharing the database never collide. */
export const unique = (base: string) => `${base}-${randomBytes(4).toString('hex')}`;

/** Creates an API key with `role` and `scopes` and returns the key itself. */
export async function makeKey(
  db: Database,
  role: UserRole,
  scopes: string[],
  expiresAt?: string,
  memberId?: string,
) {
  const { key, prefix } = newApiKey();
  const created = await insertApiKey(db.pool, {
    prefix,
    secretHash: digestSecret(key),
    name: unique(role),
    role,
    scopes,
    expiresAt: expiresAt ?? null,
    createdBy: 'test',
    memberId: memberId ?? null,
  });
  return { key, id: created.id, prefix };
}

/** Creates a user and returns its name and password. */
export async function makeUser(db: Database, role: UserRole, scopes: string[]) {
  const username = unique(role);
  const password = randomBytes(12).toString('base64url');
  const user = await insertUser(db.pool, {
    username,
    passwordHash: await hashPassword(password),
    role,
    scopes,
    createdBy: 'test',
  });
  return { id: user.id, username, password };
}

/** The admin-area codes of the seeded test district. */
export async function areaCodes(db: Database) {
  const rows = await db.pool.query<{ code: string; level: string }>(
    'SELECT code, level FROM admin_areas ORDER BY code',
  );
  const of = (level: string) => rows.rows.filter((r) => r.level === level).map((r) => r.code);
  const [district] = of('district');
  const [street] = of('street');
  const communities = of('community');
  if (!district || !street || communities.length < 2) throw new Error('test district too small');
  return { district, street, communities };
}
