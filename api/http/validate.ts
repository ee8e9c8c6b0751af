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

/** Parses the query string with `schema`; 400 naming each bad parameter. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new ValidationError('The request is not valid.', issuesOf(parsed.error, 'query'));
  }
  return parsed.data;
}

/** Zod's issues as the error body lists them: where (`whole` when nowhere more exact) and why. */
function issuesOf(error: z.ZodError, whole: string) {
  return error.issues.map((issue) => ({
    path:
      issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : whole),
    message: issue.message,
  }));
}
