import type { Context } from 'hono';
import type { z } from 'zod';
import { ValidationError } from '../domain/errors';

/** Parses the query string with `schema`; 400 naming each bad parameter. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new ValidationError(
      'The request is not valid.',
      parsed.error.issues.map((issue) => ({
        path: issue.path.join('.') || 'query',
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}
