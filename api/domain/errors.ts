import type { ErrorCode } from '../contract/errors';

/**
 * Typed errors thrown by domain and database code. They say what went wrong, never how HTTP
 * says it: the single error handler (api/http/error-handler.ts) takes each code's status from
 * the one table in api/http/error-status.ts and writes the one error body shape.
 */
export interface ErrorIssue {
  path: string;
  message: string;
}

/** Base class: a stable machine-readable code (api/contract/errors.ts) and a message a person can act on. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request is malformed: a bad parameter or field (one issue per field). */
export class ValidationError extends AppError {
  constructor(message: string, issues: ErrorIssue[] = []) {
    super('invalid_request', message, issues);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super('not_found', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super('conflict', message);
  }
}

export class UnavailableError extends AppError {
  constructor(message: string) {
    super('unavailable', message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in, or send an API key as `Authorization: Bearer <key>`.') {
    super('unauthenticated', message);
  }
}

export class InvalidCredentialsError extends AppError {
  constructor(
    message = 'Invalid username or password, or an unknown, revoked or expired API key.',
  ) {
    super('invalid_credentials', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** The caller must wait `retryAfterSeconds` (sent as `Retry-After`). */
export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too_many_requests', message);
  }
}

/** The request is well-formed but cannot be carried out as asked (a point off the map …). */
export class UnprocessableError extends AppError {
  constructor(message: string, issues: ErrorIssue[] = []) {
    super('unprocessable', message, issues);
  }
}

/**
 * The database cannot be reached (restarting, failing over, connection cut). Nothing was
 * done; the caller retries after `retryAfterSeconds` (sent as `Retry-After`).
 */
export class DatabaseUnavailableError extends AppError {
  constructor(
    message = 'The database is unavailable for a moment (restarting or unreachable). Nothing was changed; try again shortly.',
    readonly retryAfterSeconds = 3,
  ) {
    super('database_unavailable', message);
  }
}
