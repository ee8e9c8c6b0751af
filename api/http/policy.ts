import type { Context, Hono, MiddlewareHandler } from 'hono';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors';
import { roleAllows, type Permission } from '../domain/permissions';
import type { Principal } from '../domain/principal';
import type { AppEnv } from './env';

/** A middleware that also says which permission it enforces, so the app can be audited. */
export type PolicyMiddleware = MiddlewareHandler<AppEnv> & { permission: Permission };

/**
 * Declares and enforces the permission a route needs: `routes.get('/x', allow('layers:read'), …)`.
 * Anonymous callers get 401; callers whose role lacks the permission get 403.
 */
export function allow(permission: Permission): PolicyMiddleware {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (permission !== 'public') {
      const principal = requirePrincipal(c);
      if (!roleAllows(principal.role, permission)) {
        throw new ForbiddenError(
          `The role ${principal.role} may not do this (needs ${permission}).`,
        );
      }
    }
    await next();
  };
  return Object.assign(middleware, { permission });
}

/**
 * The one way a handler reads its caller: the principal `allow()` let through. Behind any
 * permission but `public` it is always there; should a route forget `allow()`, the request is
 * refused as unauthenticated instead of running without a caller. Public routes that merely
 * look at who is calling read `c.get('principal')`, which may be null.
 */
export function requirePrincipal(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw new UnauthenticatedError();
  return principal;
}

export interface DeclaredRoute {
  method: string;
  path: string;
  permission: Permission | undefined;
}

/** Every method+path the app answers, with the permission its `allow()` declares (if any). */
export function declaredRoutes(app: Hono<AppEnv>): DeclaredRoute[] {
  const found = new Map<string, DeclaredRoute>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue;
    const key = `${route.method} ${route.path}`;
    const entry = found.get(key) ?? {
      method: route.method,
      path: route.path,
      permission: undefined,
    };
    const permission = (route.handler as Partial<PolicyMiddleware>).permission;
    if (permission) entry.permission = permission;
    found.set(key, entry);
  }
  return [...found.values()];
}

/** Fails start-up if any route was added without `allow()`: no surface can forget its policy. */
export function assertEveryRouteDeclared(app: Hono<AppEnv>): void {
  const missing = declaredRoutes(app).filter((route) => !route.permission);
  if (missing.length) {
    const list = missing.map((route) => `${route.method} ${route.path}`).join(', ');
    throw new Error(`Routes without a permission declaration (use allow()): ${list}`);
  }
}
