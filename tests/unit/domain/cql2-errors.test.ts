import { describe, expect, it } from 'vitest';
import { Cql2SyntaxError, parseCql2 } from '../../../api/domain/cql2';
import { ValidationError } from '../../../api/domain/errors';
import { httpStatusOf } from '../../../api/http/error-status';

function syntaxError(text: string): Cql2SyntaxError {
  try {
    parseCql2(text);
  } catch (error) {
    if (error instanceof Cql2SyntaxError) return error;
    throw error;
  }
  throw new Error(`'${text}' parsed`);
}

describe('Cql2SyntaxError', () => {
  it('is a 400 ValidationError on the filter parameter', () => {
    const error = syntaxError('status =');
    expect(error).toBeInstanceOf(ValidationError);
    expect(httpStatusOf(error.code)).toBe(400);
    expect(error.code).toBe('invalid_request');
    expect(error.issues).toEqual([{ path: 'filter', message: error.message }]);
  });

  it('names the position and what was expected after what', () => {
    expect(syntaxError("status = 'x' AND name =").message).toBe(
      "Invalid filter at position 23: expected a value after '=' but found end of input",
    );
  });
});

describe('syntax errors', () => {
  it('points an unterminated string at its opening quote', () => {
    const error = syntaxError("name = 'abc");
    expect(error.position).toBe(7);
    expect(error.message).toContain("expected a closing '");
  });

  it('points an unterminated quoted name at its opening quote', () => {
    expect(syntaxError('"name = 1').position).toBe(0);
  });

  it('reports a missing right operand at the end of input', () => {
    expect(syntaxError('households >').position).toBe(12);
  });

  it('reports a missing left operand', () => {
    const error = syntaxError('= 3');
    expect(error.position).toBe(0);
    expect(error.message).toContain('expected a predicate');
  });

  it('reports an unclosed parenthesis, naming where it opened', () => {
    const error = syntaxError("(status = 'x'");
    expect(error.position).toBe(13);
    expect(error.message).toContain("to close the '(' at position 0");
  });

  it('reports a stray closing parenthesis', () => {
    const error = syntaxError("status = 'x')");
    expect(error.position).toBe(12);
    expect(error.message).toContain('no matching');
  });

  it('reports trailing garbage', () => {
    const error = syntaxError("status = 'x' closed");
    expect(error.position).toBe(13);
    expect(error.message).toContain("expected AND, OR or the end of the filter but found 'closed'");
  });

  it('reports an unknown function and lists the supported ones', () => {
    const error = syntaxError("T_AFTER(reported_at, DATE('2026-01-01'))");
    expect(error.position).toBe(0);
    expect(error.message).toContain("unknown function 'T_AFTER'");
    expect(error.message).toContain('S_INTERSECTS');
  });

  it('reports an unexpected character', () => {
    const error = syntaxError('households != 3');
    expect(error.position).toBe(11);
    expect(error.message).toContain("use '<>'");
  });

  it('reports a bare property without a predicate', () => {
    expect(syntaxError('flag AND households = 1').position).toBe(5);
  });

  it('reports an empty filter', () => {
    expect(syntaxError('   ').position).toBe(3);
  });

  it('reports an empty IN list', () => {
    expect(syntaxError('households IN ()').position).toBe(15);
  });

  it('reports a LIKE pattern that is not a string', () => {
    expect(syntaxError('name LIKE 3').position).toBe(10);
  });

  it('reports BETWEEN without AND', () => {
    expect(syntaxError('households BETWEEN 1 OR 3').position).toBe(21);
  });

  it('reports an invalid timestamp at its text', () => {
    const error = syntaxError("reported_at > TIMESTAMP('2026-02-30T08:00:00Z')");
    expect(error.position).toBe(24);
    expect(error.message).toContain('RFC 3339');
  });

  it('reports an invalid date', () => {
    expect(syntaxError("reported_at > DATE('2026-6-1')").position).toBe(19);
  });

  it('reports a geometry literal outside a spatial function', () => {
    expect(syntaxError('geom = POINT(1 2)').message).toContain('spatial function');
  });

  it('reports a spatial function with one argument', () => {
    expect(syntaxError('S_INTERSECTS(geom)').position).toBe(17);
  });

  it('reports a negative S_DWITHIN distance', () => {
    expect(syntaxError('S_DWITHIN(geom, POINT(1 2), -5)').position).toBe(28);
  });

  it('reports a number out of range', () => {
    expect(syntaxError('households = 1e999').position).toBe(13);
  });
});

describe('nesting', () => {
  it('turns deeply nested parentheses into a 400, not a stack overflow', () => {
    const text = `${'('.repeat(10_000)}a = 1${')'.repeat(10_000)}`;
    expect(syntaxError(text).message).toContain('nests deeper than 100 levels');
  });

  it('turns a long chain of NOTs into a 400', () => {
    expect(syntaxError(`${'NOT '.repeat(10_000)}a = 1`)).toBeInstanceOf(Cql2SyntaxError);
  });

  it('turns deeply nested geometry collections into a 400', () => {
    const text = `S_INTERSECTS(geom, ${'GEOMETRYCOLLECTION('.repeat(5_000)}POINT(1 2)${')'.repeat(5_000)})`;
    expect(syntaxError(text)).toBeInstanceOf(Cql2SyntaxError);
  });

  it('still accepts moderate nesting', () => {
    expect(() => parseCql2(`${'('.repeat(50)}a = 1${')'.repeat(50)}`)).not.toThrow();
  });
});
