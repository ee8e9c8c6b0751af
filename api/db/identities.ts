import type { ApiKey, User } from '../contract/auth';
import type { UserRole } from '../contract/codes';
import type { Principal } from '../domain/principal';
import { isoTime, queryRow, queryRows, type Queryable } from './queryable';

/*
 * Users and API keys. Secrets arrive here already hashed (api/domain/secrets.ts); nothing in
 * this file returns a hash to its caller except `findUserForLogin`. Sessions and the caller
 * behind a credential are in api/db/credentials.ts.
 */

const USER_COLUMNS = `id, username, role, scopes, disabled, created_at AS "createdAt",
  member_id AS "memberId"`;

/** The columns of an `ApiKey`, optionally qualified by a table alias. */
export const keyColumns = (alias = 'api_keys') =>
  `${alias}.id, ${alias}.prefix, ${alias}.name, ${alias}.role, ${alias}.scopes,
   ${alias}.created_at AS "createdAt", ${alias}.expires_at AS "expiresAt",
   ${alias}.revoked_at AS "revokedAt", ${alias}.last_used_at AS "lastUsedAt",
   ${alias}.member_id AS "memberId"`;

type UserRow = Omit<User, 'createdAt'> & { createdAt: Date };

/** An `api_keys` row as `keyColumns` selects it (timestamps still `Date`s). */
export type KeyRow = Omit<ApiKey, 'createdAt' | 'expiresAt' | 'revokedAt' | 'lastUsedAt'> & {
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

const toUser = (row: UserRow): User => ({ ...row, createdAt: isoTime(row.createdAt) });

/** An `ApiKey` from its row, timestamps as ISO 8601. */
export const toApiKey = (row: KeyRow): ApiKey => ({
  ...row,
  createdAt: isoTime(row.createdAt),
  expiresAt: isoTime(row.expiresAt),
  revokedAt: isoTime(row.revokedAt),
  lastUsedAt: isoTime(row.lastUsedAt),
});

export interface NewUser {
  username: string;
  passwordHash: string;
  role: UserRole;
  scopes: string[];
  createdBy: string;
  /** The grid member this account works as (`grid_members.id`). */
  memberId?: string | null;
}

/** True when a grid member with this id exists (accounts link to members by id). */
export async function memberExists(db: Queryable, memberId: string): Promise<boolean> {
  return (await queryRow(db, 'SELECT 1 FROM grid_members WHERE id = $1', [memberId])) !== null;
}

export async function insertUser(db: Queryable, user: NewUser): Promise<User> {
  const row = await queryRow<UserRow>(
    db,
    `INSERT INTO users (username, password_hash, role, scopes, created_by, member_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${USER_COLUMNS}`,
    [
      user.username,
      user.passwordHash,
      user.role,
      user.scopes,
      user.createdBy,
      user.memberId ?? null,
    ],
  );
  return toUser(row!);
}

export async function listUsers(db: Queryable): Promise<User[]> {
  return (await queryRows<UserRow>(db, `SELECT ${USER_COLUMNS} FROM users ORDER BY id`)).map(
    toUser,
  );
}

/** Disables a user and revokes their sessions; null when there is no such user. */
export async function disableUser(db: Queryable, id: number, now: Date): Promise<User | null> {
  const at = now.toISOString();
  const row = await queryRow<UserRow>(
    db,
    `UPDATE users SET disabled = true, updated_at = $2 WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [id, at],
  );
  await db.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [
    id,
    at,
  ]);
  return row && toUser(row);
}

/** A user by name with the password hash to check, for logging in; null when there is none. */
export async function findUserForLogin(db: Queryable, username: string) {
  const row = await queryRow<UserRow & { passwordHash: string }>(
    db,
    `SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM users WHERE username = $1`,
    [username],
  );
  return row && { ...toUser(row), passwordHash: row.passwordHash };
}

export interface NewApiKey {
  prefix: string;
  secretHash: string;
  name: string;
  role: UserRole;
  scopes: string[];
  expiresAt: string | null;
  createdBy: string;
  /** The grid member this key works as (`grid_members.id`). */
  memberId?: string | null;
}

export async function insertApiKey(db: Queryable, key: NewApiKey): Promise<ApiKey> {
  const row = await queryRow<KeyRow>(
    db,
    `INSERT INTO api_keys (prefix, secret_hash, name, role, scopes, expires_at, created_by, member_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${keyColumns()}`,
    [
      key.prefix,
      key.secretHash,
      key.name,
      key.role,
      key.scopes,
      key.expiresAt,
      key.createdBy,
      key.memberId ?? null,
    ],
  );
  return toApiKey(row!);
}

export async function listApiKeys(db: Queryable): Promise<ApiKey[]> {
  return (await queryRows<KeyRow>(db, `SELECT ${keyColumns()} FROM api_keys ORDER BY id`)).map(
    toApiKey,
  );
}

/** Revokes a key (by id or prefix) and its sessions; null when there is no such key. */
export async function revokeApiKey(
  db: Queryable,
  target: { id: number } | { prefix: string },
  now: Date,
): Promise<ApiKey | null> {
  const [column, value] = 'id' in target ? ['id', target.id] : ['prefix', target.prefix];
  const at = now.toISOString();
  const row = await queryRow<KeyRow>(
    db,
    `UPDATE api_keys SET revoked_at = coalesce(revoked_at, $2::timestamptz)
     WHERE ${column} = $1 RETURNING ${keyColumns()}`,
    [value, at],
  );
  if (!row) return null;
  await db.query(
    'UPDATE sessions SET revoked_at = $2 WHERE api_key_id = $1 AND revoked_at IS NULL',
    [row.id, at],
  );
  return toApiKey(row);
}

/** The principal an API key acts as. */
export function keyPrincipal(key: ApiKey): Principal {
  const { id, name, role, scopes, memberId, expiresAt } = key;
  return { kind: 'api_key', id, name, role, scopes, memberId, expiresAt };
}
