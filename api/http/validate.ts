import type { Context } from 'hono';
import type { z } from 'zod';
import { ValidationError } from '../domain/errors';

/** Parses the JSON body with `schema`; 400 naming each bad field, or saying the JSON is malformed. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ValidationError('The request body must be JSON (Content-Type: application/json).');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ValidationError('The request body is not valid.', issuesOf(parsed.error, 'body'));
  }
  return parsed.data;
}

/**
 * Parses the query string with `schema`, strictly: every `/api/v1` route that takes a query
 * reads it here, so one rule holds for all of them — an unknown parameter (a typo, a filter the
 * route does not have) is refused with 400 naming it instead of being silently ignored, and so
 * is every bad value.
 */
export function readQuery<S extends z.ZodObject>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.strict().safeParse(c.req.query());
  if (!parsed.success) {
    throw new ValidationError('The request is not valid.', queryIssues(parsed.error, schema));
  }
  return parsed.data as z.infer<S>;
}

/** The issues of a query, each naming its parameter; unknown ones list those the route takes. */
function queryIssues(error: z.ZodError, schema: z.ZodObject) {
  const known = Object.keys(schema.shape).join(', ') || 'none';
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: key,
          message: `unknown parameter; this path takes: ${known}`,
        }))
      : [{ path: String(issue.path[0] ?? 'query'), message: issue.message }],
  );
}

/** Zod's issues as the error body lists them: where (`whole` when nowhere more exact) and why. */
function issuesOf(error: z.ZodError, whole: string) {
  return error.issues.map((issue) => ({
    path:
      issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : whole),
    message: issue.message,
  }));
}
