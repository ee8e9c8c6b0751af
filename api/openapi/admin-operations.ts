import { z } from 'zod';
import {
  ApiKeySchema,
  CreateApiKeySchema,
  CreatedApiKeySchema,
  CreateUserSchema,
  UserSchema,
} from '../contract/auth';
import type { ApiOperation } from './operation';

const IdParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,15}$/)
    .meta({ description: '编号 Numeric id' }),
});

const SCOPE_RULE = {
  zh: '管辖范围须为已有的行政区划代码，且在管理员自己的范围之内。操作写入审计日志。',
  en: "Scopes must be existing admin-area codes inside the admin's own scopes. The change is audited.",
};

/** `/api/v1/users` and `/api/v1/api-keys` (api/routes/admin.ts). */
export const ADMIN_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'GET',
    path: '/api/v1/users',
    operationId: 'listUsers',
    tag: 'admin',
    permission: 'admin:manage',
    summary: { zh: '用户列表', en: 'List users' },
    responses: [
      {
        status: 200,
        description: { zh: '全部用户', en: 'All users' },
        schema: z.array(UserSchema),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/users',
    operationId: 'createUser',
    tag: 'admin',
    permission: 'admin:manage',
    summary: { zh: '创建用户', en: 'Create a user' },
    description: SCOPE_RULE,
    body: CreateUserSchema,
    responses: [{ status: 201, description: { zh: '已创建', en: 'Created' }, schema: UserSchema }],
    errors: [409],
  },
  {
    method: 'DELETE',
    path: '/api/v1/users/:id',
    operationId: 'disableUser',
    tag: 'admin',
    permission: 'admin:manage',
    summary: { zh: '停用用户', en: 'Disable a user' },
    description: {
      zh: '停用用户（保留记录以便审计）。',
      en: 'Disables the user; the record stays for the audit trail.',
    },
    params: IdParams,
    responses: [{ status: 200, description: { zh: '已停用', en: 'Disabled' }, schema: UserSchema }],
    errors: [404],
  },
  {
    method: 'GET',
    path: '/api/v1/api-keys',
    operationId: 'listApiKeys',
    tag: 'admin',
    permission: 'admin:manage',
    summary: { zh: 'API 密钥列表', en: 'List API keys' },
    description: {
      zh: '只显示前缀，密钥本身不再可见。',
      en: 'Only prefixes are shown; the keys themselves are never shown again.',
    },
    responses: [
      {
        status: 200,
        description: { zh: '全部密钥', en: 'All keys' },
        schema: z.array(ApiKeySchema),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/api-keys',
    operationId: 'createApiKey',
    tag: 'admin',
    permission: 'admin:manage',
    summary: { zh: '创建 API 密钥', en: 'Create an API key' },
    description: {
      zh: `完整密钥仅在此次返回。${SCOPE_RULE.zh}`,
      en: `The full key is shown in this answer only. ${SCOPE_RULE.en}`,
    },
    body: CreateApiKeySchema,
    responses: [
      {
        status: 201,
        description: { zh: '已创建（含完整密钥）', en: 'Created, with the full key' },
        schema: CreatedApiKeySchema,
      },
    ],
  },
  {
    method: 'DELETE',
    path: '/api/v1/api-keys/:id',
    operationId: 'revokeApiKey',
    tag: 'admin',
    permission: 'admin:manage',
    summary: { zh: '吊销 API 密钥', en: 'Revoke an API key' },
    params: IdParams,
    responses: [
      { status: 200, description: { zh: '已吊销', en: 'Revoked' }, schema: ApiKeySchema },
    ],
    errors: [404],
  },
];
