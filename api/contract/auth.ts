import { z } from 'zod';
import { USER_ROLES } from './codes';

/** An admin-area code used as a scope: a district, street or community (12 digits). */
export const ScopeCodeSchema = z.string().regex(/^\d{12}$/, 'must be a 12-digit admin-area code');

export const RoleSchema = z.enum(USER_ROLES);

/** `POST /api/v1/auth/login`: a username and password, or an API key (for kiosks and scripts). */
export const LoginRequestSchema = z.union([
  z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
  z.object({ apiKey: z.string().min(1).max(256) }).strict(),
]);
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** Who is calling: `GET /api/v1/auth/me` and the body of a successful login. */
export const MeSchema = z.object({
  kind: z.enum(['user', 'api_key']),
  id: z.number().int(),
  name: z.string(),
  role: RoleSchema,
  scopes: z.array(ScopeCodeSchema),
  permissions: z.array(z.string()),
  /** When the session ends (ISO 8601, UTC); null for a bearer key without a session. */
  expiresAt: z.iso.datetime().nullable(),
});
export type Me = z.infer<typeof MeSchema>;

/** `POST /api/v1/users`. */
export const CreateUserSchema = z
  .object({
    username: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{3,64}$/, '3–64 letters, digits, dot, dash or underscore'),
    password: z.string().min(12, 'at least 12 characters').max(256),
    role: RoleSchema,
    scopes: z.array(ScopeCodeSchema).min(1, 'at least one admin-area code'),
    memberId: z.string().trim().min(1).max(64).optional().meta({
      description: '网格员编号 The grid member this account works as (for grid_member accounts)',
    }),
  })
  .strict();
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  role: RoleSchema,
  scopes: z.array(ScopeCodeSchema),
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
  memberId: z.string().nullable(),
});
export type User = z.infer<typeof UserSchema>;

/** When a new API key stops working: ISO 8601 with a zone; it must lie in the future. */
export const KeyExpirySchema = z.iso.datetime({ offset: true });

/** `POST /api/v1/api-keys`. */
export const CreateApiKeySchema = z
  .object({
    name: z.string().min(1).max(100),
    role: RoleSchema,
    scopes: z.array(ScopeCodeSchema).min(1, 'at least one admin-area code'),
    expiresAt: KeyExpirySchema.optional().meta({
      description:
        '过期时间 When the key stops working (ISO 8601 with a zone); must lie in the future',
    }),
    memberId: z.string().trim().min(1).max(64).optional().meta({
      description: '网格员编号 The grid member this account works as (for grid_member accounts)',
    }),
  })
  .strict();
export type CreateApiKey = z.infer<typeof CreateApiKeySchema>;

export const ApiKeySchema = z.object({
  id: z.number().int(),
  prefix: z.string(),
  name: z.string(),
  role: RoleSchema,
  scopes: z.array(ScopeCodeSchema),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  memberId: z.string().nullable(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;

/** The 201 answer to `POST /api/v1/api-keys`: the only time the full key is shown. */
export const CreatedApiKeySchema = ApiKeySchema.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>;
