import { z } from 'zod';

/**
 * Every machine-readable error code the API answers with. Domain and database code throw
 * errors carrying one of these; `api/http/error-status.ts` gives each its HTTP status; the
 * OpenAPI documents list them as the error body's `code` enum; the web compares codes against
 * this enum instead of free strings. A new code starts here.
 */
export const ERROR_CODES = [
  // The request as such
  'invalid_request',
  'bad_request',
  'payload_too_large',
  // Who is calling
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'too_many_requests',
  // What it names
  'not_found',
  'conflict',
  'invalid_transition',
  'precondition_failed',
  // Well-formed but not possible
  'unprocessable',
  'assignee_required',
  'idempotency_key_reused',
  'outside_district',
  'address_not_found',
  'ambiguous_address',
  'unknown_member',
  'unknown_device',
  'alarm_type_mismatch',
  'alarm_in_future',
  'not_a_member',
  'position_in_future',
  'outside_member_area',
  // The server
  'internal_error',
  'unavailable',
  'database_unavailable',
] as const;

/** One of {@link ERROR_CODES}; `ErrorCodeSchema.enum.not_found` names a code in code. */
export const ErrorCodeSchema = z
  .enum(ERROR_CODES)
  .meta({ description: '机器可读的错误码 Machine-readable code, e.g. not_found' });
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/**
 * The one error body of the API (`api/http/error-handler.ts` writes it) as a zod schema, so
 * the OpenAPI documents describe it from a declaration rather than by hand and clients can
 * read it with the same schema.
 */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string().meta({ description: '可读说明 What went wrong and what to do' }),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .meta({ description: '逐字段问题 One entry per invalid field (may be empty)' }),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
