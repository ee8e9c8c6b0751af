import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import type { ErrorBody } from '../contract/errors';
import { asDatabaseUnavailable } from '../db/unavailable';
import {
  AppError,
  DatabaseUnavailableError,
  TooManyRequestsError,
  type ErrorIssue,
} from '../domain/errors';
import type { Logger } from '../log';
// eslint-disable-next-line boundaries/dependencies -- goes with the table of surfaces (issue 14, item 3)
import { open311Error } from '../open311/documents';

export type { ErrorBody };

function body(code: string, message: string, issues: ErrorIssue[] = []): ErrorBody {
  return { error: { code, message, issues } };
}

/** Maps any thrown value to a status and the error body. Unknown errors become an opaque 500. */
export function toErrorResponse(error: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: error.status, body: body(error.code, error.message, error.issues) };
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    return { status: 400, body: body('invalid_request', 'The request is not valid.', issues) };
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const code = status === 413 ? 'payload_too_large' : status < 500 ? 'bad_request' : 'error';
    return { status, body: body(code, error.message || 'The request could not be handled.') };
  }
  return {
    status: 500,
    body: body('internal_error', 'Something went wrong on the server; it has been logged.'),
  };
}

const OGC_CODES: Partial<Record<number, string>> = {
  400: 'InvalidParameterValue',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  429: 'TooManyRequests',
  500: 'ServerError',
  503: 'ServiceUnavailable',
};

/**
 * Under `/ogc` the body also carries the OGC API exception fields (`code`, `description`), so
 * OGC clients such as GDAL show the message; the usual `error` object stays for everyone else.
 */
function shapeFor(path: string, status: number, payload: ErrorBody) {
  if (!path.startsWith('/ogc')) return payload;
  const code = OGC_CODES[status] ?? 'Error';
  return { code, description: payload.error.message, ...payload };
}

/** Under `/open311` errors take GeoReport v2's own shape: `[{ code, description }]` (or XML). */
function open311Response(c: Context, status: number, payload: ErrorBody) {
  const answer = open311Error(c.req.path, status, payload.error.message, payload.error.issues);
  return c.body(answer.body, answer.status as ContentfulStatusCode, {
    'Content-Type': answer.contentType,
  });
}

/** Hono `onError` handler: one place that turns errors into HTTP responses. */
export function createErrorHandler(log: Logger) {
  return (thrown: Error, c: Context) => {
    // A lost database connection, whatever code met it, is a 503 the client can retry.
    const error = asDatabaseUnavailable(thrown);
    const { status, body: payload } = toErrorResponse(error);
    if (error instanceof TooManyRequestsError || error instanceof DatabaseUnavailableError) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
    }
    if (error instanceof DatabaseUnavailableError) {
      log.warn('database unavailable', { path: c.req.path, error: thrown.message });
    } else if (status >= 500) {
      log.error('request failed', { method: c.req.method, path: c.req.path, error: error.stack });
    }
    if (c.req.path.startsWith('/open311')) return open311Response(c, status, payload);
    return c.json(shapeFor(c.req.path, status, payload), status);
  };
}

/** Hono `notFound` handler. */
export function notFoundHandler(c: Context) {
  const payload = body('not_found', `No route for ${c.req.method} ${c.req.path}.`);
  if (c.req.path.startsWith('/open311')) return open311Response(c, 404, payload);
  return c.json(shapeFor(c.req.path, 404, payload), 404);
}
