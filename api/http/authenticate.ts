import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Clock } from '../domain/clock';
import type { Database } from '../db/database';
import { principalForKey, principalForSession } from '../db/identities';
import { InvalidCredentialsError } from '../domain/errors';
import { digestSecret } from '../domain/secrets';
import type { AppEnv } from './env';

export const SESSION_COOKIE = 'yp_session';

/** The socket peer's address; 'unknown' when there is no socket (in-process test requests). */
export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Resolves the caller from `Authorization: Bearer <key>` or the session cookie and stores it
 * as `principal` (null when anonymous). A bearer key that is wrong, revoked or expired is a
 * 401 at once; an expired cookie just leaves the request anonymous.
 */
export function authenticate(db: Database, clock: Clock): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('clientIp', clientIp(c));
    c.set('principal', null);
    const header = c.req.header('Authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = match
        ? await principalForKey(db.orm, digestSecret(match[1]!), clock.now())
        : null;
      if (!principal) throw new InvalidCredentialsError();
      c.set('principal', principal);
    } else {
      const token = getCookie(c, SESSION_COOKIE);
      if (token)
        c.set('principal', await principalForSession(db.orm, digestSecret(token), clock.now()));
    }
    await next();
  };
}
