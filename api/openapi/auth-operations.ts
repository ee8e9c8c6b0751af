import { z } from 'zod';
import { LoginRequestSchema, MeSchema } from '../contract/auth';
import { SESSION_COOKIE } from '../http/authenticate';
import type { ApiOperation } from './operation';

const SetCookie = {
  'Set-Cookie': {
    description: `会话 Cookie The session cookie \`${SESSION_COOKIE}\` (HttpOnly, SameSite=Lax, Path=/)`,
    schema: z.string(),
  },
};

/** `/api/v1/auth` (api/routes/auth.ts). */
export const AUTH_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'POST',
    path: '/api/v1/auth/login',
    operationId: 'login',
    tag: 'auth',
    permission: 'public',
    summary: { zh: '登录', en: 'Log in' },
    description: {
      zh: '用户名和密码，或 API 密钥（大屏、脚本）换取会话 Cookie；连续失败后须等待，等待时间逐次加倍（429，Retry-After 为可再试的时间）。',
      en: 'Trade a username and password, or an API key (wall screens, scripts), for a session cookie. After repeated failures further tries must wait, twice as long after each failure (429; Retry-After says when).',
    },
    body: LoginRequestSchema,
    responses: [
      {
        status: 200,
        description: { zh: '已登录，返回当前身份', en: 'Signed in: who you are now' },
        schema: MeSchema,
        headers: SetCookie,
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/auth/logout',
    operationId: 'logout',
    tag: 'auth',
    permission: 'session',
    summary: { zh: '退出登录', en: 'Log out' },
    description: {
      zh: '注销当前会话并清除 Cookie。',
      en: 'Revokes the current session and clears its cookie.',
    },
    responses: [
      {
        status: 204,
        description: { zh: '已退出', en: 'Signed out' },
        headers: SetCookie,
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/v1/auth/me',
    operationId: 'getMe',
    tag: 'auth',
    permission: 'session',
    summary: { zh: '当前身份', en: 'Who am I' },
    description: {
      zh: '当前调用者的角色、管辖范围和权限。',
      en: "The caller's role, area scopes and permissions.",
    },
    responses: [
      {
        status: 200,
        description: { zh: '当前调用者', en: 'The caller' },
        schema: MeSchema,
      },
    ],
  },
];
