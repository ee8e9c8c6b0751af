import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LoginRequestSchema, type Me } from '../contract/auth';
import type pg from 'pg';
import type { UserRole } from '../contract/codes';
import type { Limits } from '../config';
import { appendAudit } from '../db/audit';
import { insertSession, principalForKey, revokeSession } from '../db/credentials';
import { findUserForLogin } from '../db/identities';
import { forgiveLoginAttempt, pruneLoginFailures, reserveLoginAttempt } from '../db/login-failures';
import type { Clock } from '../domain/clock';
import {
  decideLogin,
  type LoginAttempt,
  type LoginRefusal,
  type LoginThrottlePolicy,
} from '../domain/login-throttle';
import { InvalidCredentialsError, TooManyRequestsError } from '../domain/errors';
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
import { allow, requirePrincipal } from '../http/policy';
import { publicOriginOf } from '../http/public-origin';
import { readJson } from '../http/validate';

/** Kiosk sessions (role `display`) last a month so a wall screen never asks again. */
const DISPLAY_SESSION_HOURS = 24 * 30;

/** The `Me` view of a caller. */
export function describeCaller(principal: Principal, expiresAt: string | null): Me {
  const { kind, id, name, role, scopes } = principal;
  return { kind, id, name, role, scopes, permissions: [...ROLE_PERMISSIONS[role]], expiresAt };
}

interface AuthDeps {
  /** The owner pool: log-in throttling reserves attempts in transactions. */
  pool: pg.Pool;
  clock: Clock;
  limits: Limits;
}

/** `/api/v1/auth`: log in (password or API key → session cookie), log out, who am I. */
export function authRoutes({ pool, clock, limits }: AuthDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const throttle = loginThrottle(pool, clock, limits);

  routes.post('/login', allow('public'), async (c) => {
    const body = await readJson(c, LoginRequestSchema);
    const attempt: LoginAttempt = {
      address: c.get('clientIp'),
      account: 'username' in body ? body.username.toLowerCase() : null,
    };
    const reserved = await throttle.reserve(attempt);
    const principal =
      'username' in body
        ? await passwordPrincipal(pool, body.username, body.password)
        : await principalForKey(pool, digestSecret(body.apiKey), clock.now());
    // A failed attempt stays recorded as the failure it was reserved as.
    if (!principal) throw new InvalidCredentialsError();
    await throttle.forgive(reserved, attempt);
    return c.json(await startSession(c, principal));
  });

  routes.post('/logout', allow('session'), async (c) => {
    const principal = requirePrincipal(c);
    if (principal.sessionHash) await revokeSession(pool, principal.sessionHash, clock.now());
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  routes.get('/me', allow('session'), (c) => {
    const principal = requirePrincipal(c);
    return c.json(describeCaller(principal, principal.sessionExpiresAt ?? null));
  });

  /** New session, new token (rotation), the old cookie's session revoked. */
  async function startSession(c: Context<AppEnv>, principal: Principal): Promise<Me> {
    const now = clock.now();
    const old = getCookie(c, SESSION_COOKIE);
    if (old) await revokeSession(pool, digestSecret(old), now);
    const hours = principal.role === 'display' ? DISPLAY_SESSION_HOURS : limits.sessionHours;
    const expires = new Date(now.getTime() + hours * 3_600_000);
    const token = newSessionToken();
    await insertSession(pool, {
      tokenHash: digestSecret(token),
      expiresAt: expires.toISOString(),
      ...(principal.kind === 'user' ? { userId: principal.id } : { apiKeyId: principal.id }),
    });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: publicOriginOf(c).startsWith('https:'),
      expires,
    });
    await appendAudit(pool, {
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

async function passwordPrincipal(
  pool: pg.Pool,
  username: string,
  password: string,
): Promise<Principal | null> {
  const user = await findUserForLogin(pool, username);
  // Verify even for unknown users so response time does not reveal which names exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok || user.disabled) return null;
  const { id, username: name, role, scopes } = user;
  return { kind: 'user', id, name, role: role as UserRole, scopes };
}

/** The throttle's policy from the configured limits. */
function loginPolicy(limits: Limits): LoginThrottlePolicy {
  return {
    pairFreeFailures: limits.loginPairFreeFailures,
    accountFreeFailures: limits.loginAccountFreeFailures,
    firstDelayMs: limits.loginFirstDelaySeconds * 1000,
    maxDelayMs: limits.loginMaxDelaySeconds * 1000,
    addressFailures: limits.loginAddressFailures,
    addressWindowMs: limits.loginAddressWindowMinutes * 60_000,
    memoryMs: limits.loginMemoryHours * 3_600_000,
  };
}

/** How often an instance deletes failures too old for any rule. */
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Log-in throttling (api/domain/login-throttle.ts) over failures kept in the database, so every
 * instance shares them. Each attempt counts as a failure from before its password is checked
 * until it succeeds, so guesses sent together cannot slip past each other.
 */
function loginThrottle(pool: pg.Pool, clock: Clock, limits: Limits) {
  const policy = loginPolicy(limits);
  let lastPrune = 0;
  return {
    /** 429 while the policy holds the attempt back; otherwise the id of its reserved row. */
    async reserve(attempt: LoginAttempt): Promise<number> {
      const now = clock.now();
      const horizons = {
        addressSince: new Date(now.getTime() - policy.addressWindowMs),
        accountSince: new Date(now.getTime() - policy.memoryMs),
      };
      const reservation = await reserveLoginAttempt(pool, attempt, now, horizons, (failures) =>
        decideLogin(policy, attempt, failures, now),
      );
      if ('refused' in reservation) throw refusal(reservation.refused);
      if (Math.abs(now.getTime() - lastPrune) > PRUNE_EVERY_MS) {
        lastPrune = now.getTime();
        const oldest = Math.max(policy.memoryMs, policy.addressWindowMs);
        await pruneLoginFailures(pool, new Date(now.getTime() - oldest));
      }
      return reservation.id;
    },
    /** The log-in succeeded: forget its row and the account's failures. */
    async forgive(reserved: number, attempt: LoginAttempt): Promise<void> {
      await forgiveLoginAttempt(pool, reserved, attempt.account);
    },
  };
}

const REFUSED_BECAUSE: Record<LoginRefusal['limit'], string> = {
  pair: 'Too many failed log-ins for this account from this address',
  account: 'Too many failed log-ins for this account',
  address: 'Too many failed log-ins from this address',
};

function refusal({ limit, retryAfterMs }: LoginRefusal): TooManyRequestsError {
  const seconds = retryAfterMs / 1000;
  const doubling = limit === 'address' ? '' : '; each further failure doubles the wait';
  return new TooManyRequestsError(
    `${REFUSED_BECAUSE[limit]}. Try again in ${Math.ceil(seconds)} s${doubling}.`,
    seconds,
  );
}
