import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LoginRequestSchema, type Me } from '../contract/auth';
import type { Limits } from '../config';
import type { Database } from '../db/database';
import { appendAudit } from '../db/audit';
import { findUserForLogin, insertSession, principalForKey, revokeSession } from '../db/identities';
import { clearBucket, countHit, currentHits, windowStart } from '../db/rate-limits';
import type { Clock } from '../domain/clock';
import {
  InvalidCredentialsError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '../domain/errors';
import { ROLE_PERMISSIONS } from '../domain/permissions';
import { actorName, type Principal } from '../domain/principal';
import {
  DUMMY_PASSWORD_HASH,
  digestSecret,
  newSessionToken,
  verifyPassword,
} from '../domain/secrets';
import { SESSION_COOKIE } from '../http/authenticate';
import type { AppEnv } from '../http/env';
import { allow } from '../http/policy';
import { readJson } from '../http/validate';

/** Kiosk sessions (role `display`) last a month so a wall screen never asks again. */
const DISPLAY_SESSION_HOURS = 24 * 30;

/** The `Me` view of a caller. */
export function describeCaller(principal: Principal, expiresAt: string | null): Me {
  const { kind, id, name, role, scopes } = principal;
  return { kind, id, name, role, scopes, permissions: [...ROLE_PERMISSIONS[role]], expiresAt };
}

interface AuthDeps {
  db: Database;
  clock: Clock;
  limits: Limits;
}

/** `/api/v1/auth`: log in (password or API key → session cookie), log out, who am I. */
export function authRoutes({ db, clock, limits }: AuthDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const throttle = loginThrottle(db, clock, limits);

  routes.post('/login', allow('public'), async (c) => {
    const body = await readJson(c, LoginRequestSchema);
    const account = 'username' in body ? body.username.toLowerCase() : null;
    await throttle.check(c.get('clientIp'), account);
    const principal =
      'username' in body
        ? await passwordPrincipal(db, body.username, body.password)
        : await principalForKey(db.orm, digestSecret(body.apiKey), clock.now());
    if (!principal) {
      await throttle.fail(c.get('clientIp'), account);
      throw new InvalidCredentialsError();
    }
    if (account) await throttle.succeed(account);
    return c.json(await startSession(c, principal));
  });

  routes.post('/logout', allow('session'), async (c) => {
    const principal = c.get('principal');
    if (principal?.sessionHash) await revokeSession(db.orm, principal.sessionHash, clock.now());
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  routes.get('/me', allow('session'), (c) => {
    const principal = c.get('principal');
    if (!principal) throw new UnauthenticatedError();
    return c.json(describeCaller(principal, principal.sessionExpiresAt ?? null));
  });

  /** New session, new token (rotation), the old cookie's session revoked. */
  async function startSession(c: Context<AppEnv>, principal: Principal): Promise<Me> {
    const now = clock.now();
    const old = getCookie(c, SESSION_COOKIE);
    if (old) await revokeSession(db.orm, digestSecret(old), now);
    const hours = principal.role === 'display' ? DISPLAY_SESSION_HOURS : limits.sessionHours;
    const expires = new Date(now.getTime() + hours * 3_600_000);
    const token = newSessionToken();
    await insertSession(db.orm, {
      tokenHash: digestSecret(token),
      expiresAt: expires.toISOString(),
      ...(principal.kind === 'user' ? { userId: principal.id } : { apiKeyId: principal.id }),
    });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
      expires,
    });
    await appendAudit(db.orm, {
      at: now,
      actor: actorName(principal),
      action: 'session.login',
      target: actorName(principal),
      ip: c.get('clientIp'),
    });
    return describeCaller(principal, expires.toISOString());
  }

  return routes;
}

async function passwordPrincipal(db: Database, username: string, password: string) {
  const user = await findUserForLogin(db.orm, username);
  // Verify even for unknown users so response time does not reveal which names exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok || user.disabled) return null;
  const { id, username: name, role, scopes } = user;
  return { kind: 'user', id, name, role, scopes } as Principal;
}

/** Log-in throttling: too many failures from one address or for one account → 429 for a while. */
function loginThrottle(db: Database, clock: Clock, limits: Limits) {
  const windowMs = limits.loginLockoutMinutes * 60_000;
  const buckets = (ip: string, account: string | null) => [
    `login-ip:${ip}`,
    ...(account ? [`login-user:${account}`] : []),
  ];
  return {
    async check(ip: string, account: string | null) {
      const now = clock.now();
      for (const bucket of buckets(ip, account)) {
        if ((await currentHits(db.orm, bucket, now, windowMs)) < limits.loginFailures) continue;
        const retryAfter = (windowStart(now, windowMs).getTime() + windowMs - now.getTime()) / 1000;
        throw new TooManyRequestsError(
          `Too many failed log-ins. Try again in ${Math.ceil(retryAfter)} s.`,
          retryAfter,
        );
      }
    },
    async fail(ip: string, account: string | null) {
      for (const bucket of buckets(ip, account)) {
        await countHit(db.orm, bucket, clock.now(), windowMs);
      }
    },
    async succeed(account: string) {
      await clearBucket(db.orm, `login-user:${account}`);
    },
  };
}
