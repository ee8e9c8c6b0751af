import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorRenderer } from '../http/surfaces';
import { open311Error } from './documents';

/** The Open311 surface's errors take GeoReport v2's own shape: `[{ code, description }]` (or XML). */
export const renderOpen311Error: ErrorRenderer = (c, status, body) => {
  const answer = open311Error(c.req.path, status, body.error.message, body.error.issues);
  return c.body(answer.body, answer.status as ContentfulStatusCode, {
    'Content-Type': answer.contentType,
  });
};
