import { z } from 'zod';

/**
 * The one error body of the API (`api/http/error-handler.ts` writes it) as a zod schema, so
 * the OpenAPI documents describe it from a declaration rather than by hand and clients can
 * read it with the same schema.
 */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z
      .string()
      .meta({ description: '机器可读的错误码 Machine-readable code, e.g. not_found' }),
    message: z.string().meta({ description: '可读说明 What went wrong and what to do' }),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .meta({ description: '逐字段问题 One entry per invalid field (may be empty)' }),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
