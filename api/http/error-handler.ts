import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import type { ErrorBody, ErrorCode } from '../contract/errors';
import { asDatabaseUnavailable } from '../db/unavailable';
import {
  AppError,
  DatabaseUnavailableError,
  TooManyRequestsError,
  type ErrorIssue,
} from '../domain/errors';
import type { Logger } from '../log';
import type { AppEnv } from './env';
import { httpStatusOf } from './error-status';
import { renderJsonError, type ErrorRenderer } from './surfaces';

export type { ErrorBody };

/** Picks the error renderer for a request path (each surface brings its own). */
export type ErrorRendererLookup = (path: string) => ErrorRenderer;

const jsonEverywhere: ErrorRendererLookup = () => renderJsonError;

function body(code: ErrorCode, message: string, issues: ErrorIssue[] = []): ErrorBody {
  return { error: { code, message, issues } };
}

/**
 * Maps any thrown value to a status and the error body: typed errors by their code through the
 * one table (api/http/error-status.ts). Unknown errors become an opaque 500.
 */
export function toErrorResponse(error: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  if (error instanceof AppError) {
    return {
      status: httpStatusOf(error.code),
      body: body(error.code, error.message, error.issues),
    };
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    return { status: 400, body: body('invalid_request', 'The request is not valid.', issues) };
  }
  if (error instanceof HTTPException) {
    // Hono's own errors come with their HTTP status already.
    const status = error.status as ContentfulStatusCode;
    const code =
      status === 413 ? 'payload_too_large' : status < 500 ? 'bad_request' : 'internal_error';
    return { status, body: body(code, error.message || 'The request could not be handled.') };
  }
  return {
    status: 500,
    body: body('internal_error', 'Something went wrong on the server; it has been logged.'),
  };
}

/**
 * Hono `onError` handler: the one place that turns errors into HTTP responses. The body is
 * written by the renderer of the request's surface (`rendererFor`); the handler itself knows
 * no surface.
 */
export function createErrorHandler(log: Logger, rendererFor: ErrorRendererLookup = jsonEverywhere) {
  return (thrown: Error, c: Context<AppEnv>) => {
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
    return rendererFor(c.req.path)(c, status, payload);
  };
}

/** Hono `notFound` handler, answering in the shape of the request's surface. */
export function createNotFoundHandler(rendererFor: ErrorRendererLookup = jsonEverywhere) {
  return (c: Context<AppEnv>) => {
    const payload = body('not_found', `No route for ${c.req.method} ${c.req.path}.`);
    return rendererFor(c.req.path)(c, httpStatusOf('not_found'), payload);
  };
}

/** Hono `notFound` handler for an app without surfaces of their own shape (JSON errors). */
export const notFoundHandler = createNotFoundHandler();
