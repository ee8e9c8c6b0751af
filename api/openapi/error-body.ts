export { ErrorBodySchema } from '../contract/errors';

/** An error status the documents describe, with its component name and a bilingual description. */
export interface ErrorStatus {
  status: number;
  name: string;
  description: string;
}

/** The error answers of the API, by status: each a `components.responses` entry. */
export const ERROR_STATUSES = {
  400: {
    status: 400,
    name: 'BadRequest',
    description: '请求无效 Invalid request: malformed JSON, a bad parameter or field (see issues)',
  },
  401: {
    status: 401,
    name: 'Unauthenticated',
    description:
      '未登录或凭据无效 Not signed in, or an unknown, revoked or expired API key or password',
  },
  403: {
    status: 403,
    name: 'Forbidden',
    description:
      '无权限 The role lacks the permission, the scope is outside your own, or a cross-origin write',
  },
  404: { status: 404, name: 'NotFound', description: '不存在 No such resource' },
  409: {
    status: 409,
    name: 'Conflict',
    description: '冲突 The change conflicts with stored data (e.g. a taken name)',
  },
  412: {
    status: 412,
    name: 'PreconditionFailed',
    description: '版本已变更 If-Match names an older version: reload and try again',
  },
  413: {
    status: 413,
    name: 'PayloadTooLarge',
    description: '请求体过大 The request body is larger than the limit',
  },
  422: {
    status: 422,
    name: 'Unprocessable',
    description:
      '无法处理 Well-formed but not possible: outside the district, unknown member or address, reused Idempotency-Key',
  },
  429: {
    status: 429,
    name: 'TooManyRequests',
    description: '请求过多 Too many requests or failed log-ins; wait for Retry-After seconds',
  },
} as const satisfies Record<number, ErrorStatus>;
export type ErrorStatusCode = keyof typeof ERROR_STATUSES;
