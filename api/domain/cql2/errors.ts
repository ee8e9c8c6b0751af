import { ValidationError } from '../errors';

/**
 * A filter that is not well-formed CQL2 text: a 400 whose message names the 0-based character
 * offset and what the parser expected there.
 */
export class Cql2SyntaxError extends ValidationError {
  /** 0-based character offset into the filter text. */
  readonly position: number;

  constructor(position: number, detail: string) {
    const message = `Invalid filter at position ${position}: ${detail}`;
    super(message, [{ path: 'filter', message }]);
    this.position = position;
  }
}

/** A well-formed filter that does not fit the queryables (unknown property, wrong type …). */
export function invalidFilter(message: string): ValidationError {
  return new ValidationError(message, [{ path: 'filter', message }]);
}
