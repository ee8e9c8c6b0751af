import { DatabaseUnavailableError } from '../domain/errors';

/**
 * Tells a lost database apart from a failed statement. Connection-class failures — SQLSTATE
 * class 08, the server shutting down or starting (57P01–57P03), a refused, reset or timed-out
 * socket, node-postgres's own "Connection terminated…" and the pool's connect timeout — mean
 * the database is away for a moment: the API answers 503 with `Retry-After` and tries again
 * later. Anything else is a real error.
 */

const SQLSTATES = new Set(['57P01', '57P02', '57P03']);
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTCONN',
]);
const MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /not queryable/,
  /^Client network socket disconnected/,
  // node-postgres's `query_timeout`: no answer at all, as over a silently cut network path.
  /^Query read timeout/,
];

/** True when `error` (or an error it wraps as its `cause`) is a lost connection. */
export function isConnectionFailure(error: unknown): boolean {
  let current = error;
  for (let seen = 0; current instanceof Error && seen < 5; seen += 1) {
    const { message } = current;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (code.startsWith('08') || SQLSTATES.has(code) || SOCKET_CODES.has(code)) return true;
    }
    if (MESSAGES.some((pattern) => pattern.test(message))) return true;
    current = current.cause;
  }
  return false;
}

/** `error` itself, or a `DatabaseUnavailableError` in its place when the database is away. */
export function asDatabaseUnavailable<T>(error: T): T | DatabaseUnavailableError {
  return isConnectionFailure(error) ? new DatabaseUnavailableError() : error;
}
