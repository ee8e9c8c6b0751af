import type { UserRole } from '../contract/codes';
import type { Principal } from '../domain/principal';
import { keyColumns, keyPrincipal, toApiKey, type KeyRow } from './identities';
import { isoTime, queryRow, type Queryable } from './queryable';

/*
 * Sessions, and the caller behind a credential: an API key's digest, a session cookie's digest,
 * or an already authenticated principal read again. Keys count only while live (not revoked,
 * not expired); sessions only while live and while the user or key behind them is.
 */

/** The SQL condition for a live key under `alias`, with `now` as parameter `$n`. */
const liveKey = (alias: string, n: number) =>
  `${alias}.revoked_at IS NULL AND (${alias}.expires_at IS NULL OR ${alias}.expires_at > $${n})`;

/** A key's last use is recorded at most this often, so reads do not each write. */
const LAST_USE_EVERY_MS = 60_000;

/** The caller behind an API key digest, if the key is live. Records its use at most once a minute. */
export async function principalForKey(
  db: Queryable,
  digest: string,
  now: Date,
): Promise<Principal | null> {
  const row = await queryRow<KeyRow>(
    db,
    `SELECT ${keyColumns()} FROM api_keys WHERE secret_hash = $1 AND ${liveKey('api_keys', 2)}`,
    [digest, now.toISOString()],
  );
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USE_EVERY_MS) {
    await db.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [
      row.id,
      now.toISOString(),
    ]);
  }
  return keyPrincipal(toApiKey(row));
}

/** The caller behind a live API key, by id (re-checks; records no use). */
async function principalForKeyId(db: Queryable, id: number, now: Date): Promise<Principal | null> {
  const row = await queryRow<KeyRow>(
    db,
    `SELECT ${keyColumns()} FROM api_keys WHERE id = $1 AND ${liveKey('api_keys', 2)}`,
    [id, now.toISOString()],
  );
  return row && keyPrincipal(toApiKey(row));
}

/**
 * The caller behind an already authenticated principal's session or key, read again at `now`:
 * null once the key is revoked or expired, the session ended or the user disabled or gone. The
 * live stream re-checks its caller with this (api/stream/credential-watch.ts).
 */
export async function currentPrincipal(
  db: Queryable,
  principal: Principal,
  now: Date,
): Promise<Principal | null> {
  if (principal.sessionHash) return principalForSession(db, principal.sessionHash, now);
  if (principal.kind === 'api_key') return principalForKeyId(db, principal.id, now);
  return null;
}

export async function insertSession(
  db: Queryable,
  session: { tokenHash: string; userId?: number; apiKeyId?: number; expiresAt: string },
): Promise<void> {
  await db.query(
    'INSERT INTO sessions (token_hash, user_id, api_key_id, expires_at) VALUES ($1, $2, $3, $4)',
    [session.tokenHash, session.userId ?? null, session.apiKeyId ?? null, session.expiresAt],
  );
}

export async function revokeSession(db: Queryable, tokenHash: string, now: Date): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1', [
    tokenHash,
    now.toISOString(),
  ]);
}

interface SessionRow {
  expiresAt: Date;
  userId: number | null;
  userName: string;
  userRole: UserRole;
  userScopes: string[];
  userDisabled: boolean;
  userMemberId: string | null;
  keyId: number | null;
  keyName: string;
  keyRole: UserRole;
  keyScopes: string[];
  keyMemberId: string | null;
  keyExpiresAt: Date | null;
}

/** The caller behind a session cookie, if the session, and the user or key behind it, are live. */
export async function principalForSession(
  db: Queryable,
  tokenHash: string,
  now: Date,
): Promise<Principal | null> {
  const row = await queryRow<SessionRow>(
    db,
    `SELECT s.expires_at AS "expiresAt",
            u.id AS "userId", u.username AS "userName", u.role AS "userRole",
            u.scopes AS "userScopes", u.disabled AS "userDisabled", u.member_id AS "userMemberId",
            k.id AS "keyId", k.name AS "keyName", k.role AS "keyRole", k.scopes AS "keyScopes",
            k.member_id AS "keyMemberId", k.expires_at AS "keyExpiresAt"
     FROM sessions s
     LEFT JOIN users u ON u.id = s.user_id
     LEFT JOIN api_keys k ON k.id = s.api_key_id AND ${liveKey('k', 2)}
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
    [tokenHash, now.toISOString()],
  );
  return row && sessionPrincipal(tokenHash, row);
}

function sessionPrincipal(tokenHash: string, row: SessionRow): Principal | null {
  const expiresAt = isoTime(row.expiresAt);
  const session = { sessionHash: tokenHash, sessionExpiresAt: expiresAt, expiresAt };
  if (row.userId !== null && !row.userDisabled) {
    const { userId: id, userName: name, userRole: role, userScopes: scopes } = row;
    return { kind: 'user', id, name, role, scopes, memberId: row.userMemberId, ...session };
  }
  if (row.keyId !== null) {
    const keyExpiresAt = isoTime(row.keyExpiresAt);
    const earlier = keyExpiresAt && keyExpiresAt < expiresAt ? keyExpiresAt : expiresAt;
    const { keyId: id, keyName: name, keyRole: role, keyScopes: scopes } = row;
    return {
      kind: 'api_key',
      id,
      name,
      role,
      scopes,
      memberId: row.keyMemberId,
      ...session,
      expiresAt: earlier,
    };
  }
  return null;
}

/** How the HTTP edge finds callers: bound to one `Queryable` at the composition root. */
export interface CallerLookup {
  /** The caller behind an API key digest (see `principalForKey`). */
  byKey(digest: string, now: Date): Promise<Principal | null>;
  /** The caller behind a session token digest (see `principalForSession`). */
  bySession(digest: string, now: Date): Promise<Principal | null>;
  /** An authenticated caller read again (see `currentPrincipal`). */
  current(principal: Principal, now: Date): Promise<Principal | null>;
}

/** The caller lookups over `db`, for middleware that needs nothing else from the database. */
export function callerLookup(db: Queryable): CallerLookup {
  return {
    byKey: (digest, now) => principalForKey(db, digest, now),
    bySession: (digest, now) => principalForSession(db, digest, now),
    current: (principal, now) => currentPrincipal(db, principal, now),
  };
}
