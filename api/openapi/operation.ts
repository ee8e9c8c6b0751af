import type { z } from 'zod';
import { USER_ROLES } from '../contract/codes';
import { roleAllows, type Permission } from '../domain/permissions';
import type { ErrorStatusCode } from './error-body';

/** A bilingual text: Chinese first (the users' language), English for integrators. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One answer of an operation besides the error answers. */
export interface ApiResponse {
  status: number;
  description: Bilingual;
  /** The body; a named component becomes a `$ref`. Omitted for an empty answer (204). */
  schema?: z.ZodType;
  /** Defaults to `application/json`. */
  contentType?: string;
  headers?: Record<string, { description: string; schema: z.ZodType }>;
}

/**
 * One operation of the REST API, declared once: the OpenAPI document is generated from these
 * declarations, and a test holds them equal to the routes the app answers and their `allow()`.
 */
export interface ApiOperation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The Hono route pattern, e.g. `/api/v1/users/:id`. */
  path: string;
  operationId: string;
  tag: string;
  /** The permission the route's `allow()` declares. */
  permission: Permission;
  summary: Bilingual;
  description?: Bilingual;
  /** Path parameters, one key per `:name` in the path. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The request body (JSON unless `bodyContentType` says otherwise). */
  body?: z.ZodType;
  /** The body's media type when it is not JSON (an upload: `multipart/form-data`). */
  bodyContentType?: string;
  responses: readonly ApiResponse[];
  /** Error answers beyond those every operation of its kind can give (see `errorStatuses`). */
  errors?: readonly ErrorStatusCode[];
}

/** `/api/v1/users/:id` → `/api/v1/users/{id}`. */
export function toOpenApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)/g, '{$1}');
}

/** Bilingual text as one line, the way the catalog writes titles. */
export const bilingual = ({ zh, en }: Bilingual) => `${zh} ${en}`;

/** The roles that hold `permission`. */
export function rolesWith(permission: Permission): string[] {
  return USER_ROLES.filter((role) => roleAllows(role, permission));
}

/** The sentence an operation's description carries about who may call it. */
export function describePermission(permission: Permission): string {
  if (permission === 'public')
    return '权限 Permission: `public` — 公开，无需登录 no credentials needed.';
  const roles = rolesWith(permission)
    .map((role) => `\`${role}\``)
    .join(', ');
  return `所需权限 Required permission: \`${permission}\` — 角色 roles: ${roles}.`;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The error answers an operation can give: what it declares, plus those the middleware gives
 * to every operation of its kind — 401 for a bad bearer key (any route) or no credentials,
 * 403 for a missing permission or a cross-origin write, 400/413 for input, 429 on `/api`.
 */
export function errorStatuses(operation: ApiOperation): ErrorStatusCode[] {
  const statuses = new Set<ErrorStatusCode>(operation.errors ?? []);
  statuses.add(401);
  if (operation.permission !== 'public' || WRITE_METHODS.has(operation.method)) statuses.add(403);
  if (operation.body || operation.params || operation.query) statuses.add(400);
  if (operation.body) statuses.add(413);
  if (operation.path.startsWith('/api/')) statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
}
