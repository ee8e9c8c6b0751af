import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { ApiKey, User } from '../contract/auth';
import type { UserRole } from '../contract/codes';
import type { Principal } from '../domain/principal';
import type { Orm } from './database';
import { apiKeys, sessions, users } from './schema';

/*
 * Users, API keys and sessions. Secrets arrive here already hashed (api/domain/secrets.ts);
 * nothing in this file returns a hash to its caller except `findUserForLogin`.
 */

const userColumns = {
  id: users.id,
  username: users.username,
  role: users.role,
  scopes: users.scopes,
  disabled: users.disabled,
  createdAt: users.createdAt,
  memberId: users.memberId,
};

const keyColumns = {
  id: apiKeys.id,
  prefix: apiKeys.prefix,
  name: apiKeys.name,
  role: apiKeys.role,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  expiresAt: apiKeys.expiresAt,
  revokedAt: apiKeys.revokedAt,
  lastUsedAt: apiKeys.lastUsedAt,
  memberId: apiKeys.memberId,
};

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
export async function memberExists(orm: Orm, memberId: string): Promise<boolean> {
  const result = await orm.execute(sql`SELECT 1 FROM grid_members WHERE id = ${memberId}`);
  return result.rows.length === 1;
}

export async function insertUser(orm: Orm, user: NewUser): Promise<User> {
  const [row] = await orm.insert(users).values(user).returning(userColumns);
  return row as User;
}

export async function listUsers(orm: Orm): Promise<User[]> {
  return (await orm.select(userColumns).from(users).orderBy(asc(users.id))) as User[];
}

/** Disables a user and revokes their sessions; null when there is no such user. */
export async function disableUser(orm: Orm, id: number, now: Date): Promise<User | null> {
  const [row] = await orm
    .update(users)
    .set({ disabled: true, updatedAt: now.toISOString() })
    .where(eq(users.id, id))
    .returning(userColumns);
  await orm
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(sessions.userId, id), isNull(sessions.revokedAt)));
  return (row as User | undefined) ?? null;
}

export async function findUserForLogin(orm: Orm, username: string) {
  const [row] = await orm
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, username));
  return row ?? null;
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

export async function insertApiKey(orm: Orm, key: NewApiKey): Promise<ApiKey> {
  const [row] = await orm.insert(apiKeys).values(key).returning(keyColumns);
  return row as ApiKey;
}

export async function listApiKeys(orm: Orm): Promise<ApiKey[]> {
  return (await orm.select(keyColumns).from(apiKeys).orderBy(asc(apiKeys.id))) as ApiKey[];
}

/** Revokes a key (by id or prefix) and its sessions; null when there is no such key. */
export async function revokeApiKey(
  orm: Orm,
  target: { id: number } | { prefix: string },
  now: Date,
): Promise<ApiKey | null> {
  const match = 'id' in target ? eq(apiKeys.id, target.id) : eq(apiKeys.prefix, target.prefix);
  const [row] = await orm
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${now.toISOString()}::timestamptz)` })
    .where(match)
    .returning(keyColumns);
  if (row) {
    await orm
      .update(sessions)
      .set({ revokedAt: now.toISOString() })
      .where(and(eq(sessions.apiKeyId, row.id), isNull(sessions.revokedAt)));
  }
  return (row as ApiKey | undefined) ?? null;
}

const liveKey = (now: Date) =>
  and(
    isNull(apiKeys.revokedAt),
    or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now.toISOString())),
  );

/** The caller behind an API key digest, if the key is live. Records its use at most once a minute. */
export async function principalForKey(
  orm: Orm,
  digest: string,
  now: Date,
): Promise<Principal | null> {
  const [row] = await orm
    .select(keyColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, digest), liveKey(now)));
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > 60_000) {
    await orm.update(apiKeys).set({ lastUsedAt: now.toISOString() }).where(eq(apiKeys.id, row.id));
  }
  return keyPrincipal(row);
}

/** The caller behind a live API key, by id (re-checks; records no use). */
async function principalForKeyId(orm: Orm, id: number, now: Date): Promise<Principal | null> {
  const [row] = await orm
    .select(keyColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), liveKey(now)));
  return row ? keyPrincipal(row) : null;
}

function keyPrincipal(row: {
  id: number;
  name: string;
  role: string;
  scopes: string[];
  memberId: string | null;
  expiresAt: string | null;
}): Principal {
  const { id, name, role, scopes, memberId, expiresAt } = row;
  return { kind: 'api_key', id, name, role: role as UserRole, scopes, memberId, expiresAt };
}

/**
 * The caller behind an already authenticated principal's session or key, read again at `now`:
 * null once the key is revoked or expired, the session ended or the user disabled or gone. The
 * live stream re-checks its caller with this (api/stream/credential-watch.ts).
 */
export async function currentPrincipal(
  orm: Orm,
  principal: Principal,
  now: Date,
): Promise<Principal | null> {
  if (principal.sessionHash) return principalForSession(orm, principal.sessionHash, now);
  if (principal.kind === 'api_key') return principalForKeyId(orm, principal.id, now);
  return null;
}

export async function insertSession(
  orm: Orm,
  session: { tokenHash: string; userId?: number; apiKeyId?: number; expiresAt: string },
): Promise<void> {
  await orm.insert(sessions).values(session);
}

export async function revokeSession(orm: Orm, tokenHash: string, now: Date): Promise<void> {
  await orm
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(eq(sessions.tokenHash, tokenHash));
}

/** The caller behind a session cookie, if the session, and the user or key behind it, are live. */
export async function principalForSession(
  orm: Orm,
  tokenHash: string,
  now: Date,
): Promise<Principal | null> {
  const [row] = await orm
    .select({
      expiresAt: sessions.expiresAt,
      user: {
        id: users.id,
        name: users.username,
        role: users.role,
        scopes: users.scopes,
        disabled: users.disabled,
        memberId: users.memberId,
      },
      key: {
        id: apiKeys.id,
        name: apiKeys.name,
        role: apiKeys.role,
        scopes: apiKeys.scopes,
        memberId: apiKeys.memberId,
        expiresAt: apiKeys.expiresAt,
      },
    })
    .from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    .leftJoin(apiKeys, and(eq(apiKeys.id, sessions.apiKeyId), liveKey(now)))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now.toISOString()),
      ),
    );
  if (!row) return null;
  const session = {
    sessionHash: tokenHash,
    sessionExpiresAt: row.expiresAt,
    expiresAt: row.expiresAt,
  };
  if (row.user && !row.user.disabled) {
    const { id, name, role, scopes, memberId } = row.user;
    return { kind: 'user', id, name, role: role as UserRole, scopes, memberId, ...session };
  }
  if (row.key) {
    const { expiresAt, ...key } = keyPrincipal(row.key);
    const earlier = expiresAt && expiresAt < row.expiresAt ? expiresAt : row.expiresAt;
    return { ...key, ...session, expiresAt: earlier };
  }
  return null;
}
