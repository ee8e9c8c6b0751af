import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../../../api/domain/errors';
import { toErrorResponse } from '../../../api/http/error-handler';

describe('toErrorResponse', () => {
  it('maps typed errors to their status and code', () => {
    expect(toErrorResponse(new NotFoundError('No grid 1.'))).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'No grid 1.', issues: [] } },
    });
    expect(toErrorResponse(new ConflictError('Already closed.')).status).toBe(409);
    const invalid = toErrorResponse(new ValidationError('Bad.', [{ path: 'limit', message: 'x' }]));
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues).toEqual([{ path: 'limit', message: 'x' }]);
  });

  it('turns zod failures into 400 with one issue per field', () => {
    const result = z.object({ limit: z.number(), name: z.string() }).safeParse({ limit: 'x' });
    const { status, body } = toErrorResponse(result.error);
    expect(status).toBe(400);
    expect(body.error.issues.map((issue) => issue.path).sort()).toEqual(['limit', 'name']);
  });

  it('keeps the status of HTTP exceptions such as 413', () => {
    const { status, body } = toErrorResponse(new HTTPException(413, { message: 'Too large.' }));
    expect(status).toBe(413);
    expect(body.error.code).toBe('payload_too_large');
  });

  it('hides the details of unexpected errors behind an opaque 500', () => {
    const { status, body } = toErrorResponse(new Error('password=hunter2 leaked'));
    expect(status).toBe(500);
    expect(body.error.message).not.toContain('hunter2');
  });
});
