import { SESSION_COOKIE } from '../http/authenticate';

/** How callers authenticate (api/http/authenticate.ts): a bearer API key or the session cookie. */
export const SECURITY_SCHEMES = {
  bearerKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'API 密钥 API key: `Authorization: Bearer <key>`',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: `登录后的会话 Cookie The session cookie set by \`POST /api/v1/auth/login\`. Browser writes must also send a same-origin \`Origin\` header.`,
  },
} as const;

/** Either scheme satisfies a protected operation. */
export const EITHER_SCHEME = [{ bearerKey: [] }, { sessionCookie: [] }];
