import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../contract/errors';

/** The HTTP statuses an error code may map to. */
export type ErrorHttpStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 422 | 429 | 500 | 503;

/**
 * The one error-to-status table of the API: domain errors carry a code, never a status, and
 * only the HTTP edge turns it into one. `Record<ErrorCode, …>` makes a code without a status a
 * type error.
 */
export const ERROR_HTTP_STATUS = {
  invalid_request: 400,
  bad_request: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  too_many_requests: 429,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  precondition_failed: 412,
  unprocessable: 422,
  assignee_required: 422,
  idempotency_key_reused: 422,
  outside_district: 422,
  address_not_found: 422,
  ambiguous_address: 422,
  unknown_member: 422,
  unknown_device: 422,
  alarm_type_mismatch: 422,
  alarm_in_future: 422,
  not_a_member: 422,
  position_in_future: 422,
  outside_member_area: 422,
  internal_error: 500,
  unavailable: 503,
  database_unavailable: 503,
} as const satisfies Record<ErrorCode, ErrorHttpStatus>;

/** The HTTP status an error code is answered with. */
export function httpStatusOf(code: ErrorCode): ErrorHttpStatus & ContentfulStatusCode {
  return ERROR_HTTP_STATUS[code];
}
