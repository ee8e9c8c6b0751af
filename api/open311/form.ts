import type { Context, MiddlewareHandler } from 'hono';
import type { CallerLookup } from '../db/credentials';
import type { Clock } from '../domain/clock';
import { InvalidCredentialsError, ValidationError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { digestSecret } from '../domain/secrets';
import type { AppEnv } from '../http/env';
import type { FormFields } from './report';

/**
 * The body of POST requests as GeoReport v2 sends it (`application/x-www-form-urlencoded`, or
 * multipart form data), or as a JSON object for clients that prefer it; and the `api_key`
 * field in it, which the specification uses instead of an Authorization header.
 */

/** Finds the caller an API key belongs to (null for an unknown, revoked or expired key). */
export type KeyResolver = (key: string) => Promise<Principal | null>;

/** Looks keys up as `api/http/authenticate.ts` does for `Authorization: Bearer`. */
export function keyResolver(callers: Pick<CallerLookup, 'byKey'>, clock: Clock): KeyResolver {
  return (key) => callers.byKey(digestSecret(key), clock.now());
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The form fields of the request body (Hono caches the body, so this can be called twice). */
export async function readForm(c: Context): Promise<FormFields> {
  const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  const fields: Record<string, string> = {};
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new ValidationError('The request body is not valid JSON.');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new ValidationError('The JSON body must be an object of form fields.');
    }
    for (const [key, value] of Object.entries(body)) {
      const text = scalar(value);
      if (text !== undefined) fields[key] = text;
    }
    return fields;
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw new ValidationError(`The ${type} body cannot be read: check its encoding and parts.`);
    }
    form.forEach((value, key) => {
      if (typeof value === 'string' && !(key in fields)) fields[key] = value;
    });
    return fields;
  }
  throw new ValidationError(
    'Send the service request as application/x-www-form-urlencoded (or JSON).',
  );
}

/**
 * Authenticates a POST by its `api_key` form field when one is sent: it must be a valid key
 * (401 otherwise) and the request then acts as that key, whatever other credentials came with
 * it. Without `api_key` the usual Authorization header or session cookie applies.
 */
export function apiKeyField(resolve: KeyResolver): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let key: string | undefined;
    try {
      key = (await readForm(c)).api_key?.trim();
    } catch (error) {
      // A body we cannot read carries no key: let the permission check or the handler answer.
      if (!(error instanceof ValidationError)) throw error;
    }
    if (key) {
      const principal = await resolve(key);
      if (!principal)
        throw new InvalidCredentialsError('Invalid api_key: unknown, revoked or expired.');
      c.set('principal', principal);
    }
    await next();
  };
}
