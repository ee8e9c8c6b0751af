import { Hono, type Context } from 'hono';
import { CreateApiKeySchema, CreateUserSchema } from '../contract/auth';
import { appendAudit } from '../db/audit';
import {
  disableUser,
  insertApiKey,
  insertUser,
  listApiKeys,
  listUsers,
  memberExists,
  revokeApiKey,
} from '../db/identities';
import { missingAreaCodes } from '../db/admin-area-codes';
import type { Queryable } from '../db/queryable';
import type { Clock } from '../domain/clock';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { keyExpiry } from '../domain/key-expiry';
import { actorName } from '../domain/principal';
import { scopesWithin } from '../domain/scopes';
import { digestSecret, hashPassword, newApiKey } from '../domain/secrets';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { readJson } from '../http/validate';

interface AdminDeps {
  /** The owner pool: accounts are not scoped data. */
  db: Queryable;
  clock: Clock;
}

/** `/api/v1/users` and `/api/v1/api-keys` (admin only); every change is audited. */
export function adminRoutes({ db, clock }: AdminDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const audit = (c: Context<AppEnv>, action: string, target: string, detail = {}) =>
    appendAudit(db, {
      at: clock.now(),
      actor: actorName(requirePrincipal(c)),
      action,
      target,
      detail,
      ip: c.get('clientIp'),
    });

  /** Scopes must exist and lie inside the admin's own: nobody hands out more than they hold. */
  async function checkScopes(c: Context<AppEnv>, scopes: string[]): Promise<void> {
    const missing = await missingAreaCodes(db, scopes);
    if (missing.length) {
      throw new ValidationError(`Unknown admin-area codes: ${missing.join(', ')}.`, [
        { path: 'scopes', message: `unknown: ${missing.join(', ')}` },
      ]);
    }
    if (!scopesWithin(scopes, requirePrincipal(c).scopes)) {
      throw new ForbiddenError('Scopes must lie inside your own scopes.');
    }
  }

  /** A linked grid member must exist: `incidents:act-assigned` and position reports use it. */
  async function checkMember(memberId: string | undefined): Promise<void> {
    if (memberId !== undefined && !(await memberExists(db, memberId))) {
      throw new ValidationError(`There is no grid member ${memberId}.`, [
        { path: 'memberId', message: 'unknown grid member' },
      ]);
    }
  }

  routes.get('/users', allow('admin:manage'), async (c) => c.json(await listUsers(db)));

  routes.post('/users', allow('admin:manage'), async (c) => {
    const body = await readJson(c, CreateUserSchema);
    await checkScopes(c, body.scopes);
    await checkMember(body.memberId);
    const user = await insertUser(db, {
      username: body.username,
      passwordHash: await hashPassword(body.password),
      role: body.role,
      scopes: body.scopes,
      memberId: body.memberId ?? null,
      createdBy: actorName(requirePrincipal(c)),
    }).catch((error: { cause?: { code?: string }; code?: string }) => {
      if ((error.cause?.code ?? error.code) === '23505') {
        throw new ConflictError(`The username ${body.username} is taken.`);
      }
      throw error;
    });
    await audit(c, 'user.create', `user:${user.username}`, {
      role: user.role,
      scopes: user.scopes,
    });
    return c.json(user, 201);
  });

  routes.delete('/users/:id', allow('admin:manage'), async (c) => {
    const user = await disableUser(db, idParam(c.req.param('id')), clock.now());
    if (!user) throw new NotFoundError(`No user with id ${c.req.param('id')}.`);
    await audit(c, 'user.disable', `user:${user.username}`);
    return c.json(user);
  });

  routes.get('/api-keys', allow('admin:manage'), async (c) => c.json(await listApiKeys(db)));

  routes.post('/api-keys', allow('admin:manage'), async (c) => {
    const body = await readJson(c, CreateApiKeySchema);
    const expiresAt = keyExpiry(body.expiresAt, clock.now());
    await checkScopes(c, body.scopes);
    await checkMember(body.memberId);
    const { key, prefix } = newApiKey();
    const created = await insertApiKey(db, {
      prefix,
      secretHash: digestSecret(key),
      name: body.name,
      role: body.role,
      scopes: body.scopes,
      memberId: body.memberId ?? null,
      expiresAt,
      createdBy: actorName(requirePrincipal(c)),
    });
    await audit(c, 'api_key.create', `key:${created.name}`, { prefix, role: created.role });
    return c.json({ ...created, key }, 201);
  });

  routes.delete('/api-keys/:id', allow('admin:manage'), async (c) => {
    const key = await revokeApiKey(db, { id: idParam(c.req.param('id')) }, clock.now());
    if (!key) throw new NotFoundError(`No API key with id ${c.req.param('id')}.`);
    await audit(c, 'api_key.revoke', `key:${key.name}`, { prefix: key.prefix });
    return c.json(key);
  });

  return routes;
}

function idParam(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new ValidationError(`Not an id: ${value}.`);
  return Number(value);
}
