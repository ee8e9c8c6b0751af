import { ValidationError } from '../errors';
import { PreconditionFailedError } from './errors';

/**
 * Optimistic locking. An incident's `ETag` is its version (`"7"`); a change sends it back as
 * `If-Match`, and the route compares it with the row it locked before applying the action.
 */

/** The strong entity tag of an incident at `version`. */
export function incidentEtag(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header names, or null when the header is absent (no
 * precondition). Accepts `"7"`, `W/"7"` and a bare `7`; anything else is a `ValidationError`.
 */
export function parseIfMatch(header: string | null | undefined): number | null {
  if (header === null || header === undefined || header.trim() === '') return null;
  const match = /^(?:W\/)?"?([1-9][0-9]{0,9})"?$/.exec(header.trim());
  if (!match) {
    throw new ValidationError('If-Match must be the incident version, e.g. "7".', [
      { path: 'If-Match', message: 'expected a quoted version number' },
    ]);
  }
  return Number(match[1]);
}

/**
 * Throws `PreconditionFailedError` (412) when the caller expected another version than the
 * current one. `expected` null or undefined means the caller sent no precondition.
 */
export function checkVersion(expected: number | null | undefined, actual: number): void {
  if (expected === null || expected === undefined) return;
  if (expected !== actual) throw new PreconditionFailedError(expected, actual);
}
