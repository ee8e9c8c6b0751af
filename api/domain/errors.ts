/**
 * Typed errors thrown by domain and database code. The single error handler in
 * api/http/error-handler.ts maps each to its HTTP status and the one error body shape.
 */
export interface ErrorIssue {
  path: string;
  message: string;
}

/** Base class: a stable machine-readable code, an HTTP status and a message a person can act on. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 412 | 413 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, issues: ErrorIssue[] = []) {
    super(400, 'invalid_request', message, issues);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

export class UnavailableError extends AppError {
  constructor(message: string) {
    super(503, 'unavailable', message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in, or send an API key as `Authorization: Bearer <key>`.') {
    super(401, 'unauthenticated', message);
  }
}

export class InvalidCredentialsError extends AppError {
  constructor(
    message = 'Invalid username or password, or an unknown, revoked or expired API key.',
  ) {
    super(401, 'invalid_credentials', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

/** 429: the caller must wait `retryAfterSeconds` (sent as `Retry-After`). */
export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'too_many_requests', message);
  }
}

/** 422: the request is well-formed but cannot be carried out as asked (a point off the map …). */
export class UnprocessableError extends AppError {
  constructor(message: string, issues: ErrorIssue[] = []) {
    super(422, 'unprocessable', message, issues);
  }
}

/**
 * 503: the database cannot be reached (restarting, failing over, connection cut). Nothing was
 * done; the caller retries after `retryAfterSeconds` (sent as `Retry-After`).
 */
export class DatabaseUnavailableError extends AppError {
  constructor(
    message = 'The database is unavailable for a moment (restarting or unreachable). Nothing was changed; try again shortly.',
    readonly retryAfterSeconds = 3,
  ) {
    super(503, 'database_unavailable', message);
  }
}
