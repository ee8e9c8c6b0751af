import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Clock } from '../domain/clock';
import type { CallerLookup } from '../db/credentials';
import { InvalidCredentialsError } from '../domain/errors';
import { digestSecret } from '../domain/secrets';
import type { AppEnv } from './env';
import { forwardedClient, TRUST_NO_PROXY, type ProxyTrust } from './proxy-trust';

export const SESSION_COOKIE = 'yp_session';

/**
 * The client's address: the socket peer, or — when the peer is a trusted proxy — the rightmost
 * `X-Forwarded-For` hop that is not one. 'unknown' when there is no socket (in-process requests).
 */
export function clientIp(c: Context, proxies: ProxyTrust = TRUST_NO_PROXY): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  return peer ? forwardedClient(peer, c.req.header('X-Forwarded-For'), proxies) : 'unknown';
}

/**
 * A request whose `Origin` is not ours (another site's page) is never signed in by the session
 * cookie: from other origins only an explicit `Authorization: Bearer` key counts.
 */
function fromForeignOrigin(c: Context<AppEnv>): boolean {
  const origin = c.req.header('Origin');
  return origin !== undefined && origin !== c.get('publicOrigin');
}

/**
 * Resolves the caller from `Authorization: Bearer <key>` or the session cookie and stores it
 * as `principal` (null when anonymous). A bearer key that is wrong, revoked or expired is a
 * 401 at once; an expired cookie, or a cookie sent from another origin, leaves it anonymous.
 */
export function authenticate(
  callers: Pick<CallerLookup, 'byKey' | 'bySession'>,
  clock: Clock,
  proxies: ProxyTrust = TRUST_NO_PROXY,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('clientIp', clientIp(c, proxies));
    c.set('principal', null);
    const header = c.req.header('Authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = match ? await callers.byKey(digestSecret(match[1]!), clock.now()) : null;
      if (!principal) throw new InvalidCredentialsError();
      c.set('principal', principal);
    } else {
      const token = getCookie(c, SESSION_COOKIE);
      if (token && !fromForeignOrigin(c))
        c.set('principal', await callers.bySession(digestSecret(token), clock.now()));
    }
    await next();
  };
}
