import { z } from 'zod';

/**
 * How a query string spells a number: plain decimal digits with an optional minus sign and
 * decimal point (`12`, `-0.5`). No hex (`0x10`), exponents (`1e3`), surrounding whitespace,
 * `Infinity` or empty values, which JavaScript's `Number()` and `z.coerce.number()` accept.
 */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** Comma-separated plain decimal numbers (`300,500,1000`). */
const DECIMAL_LIST_PATTERN = /^-?\d+(\.\d+)?(,-?\d+(\.\d+)?)*$/;

const notDecimal = (what: string) => `must be ${what} in plain decimal digits (e.g. 12 or 0.5)`;

/**
 * A query parameter holding a number: the text must be plain decimal (`DECIMAL_PATTERN`), then
 * `number` checks it (range, whole number…). Every number in an `/api/v1` query goes through
 * this. The OpenAPI document shows `number`'s own schema (type, minimum, maximum). `what` names
 * the quantity in the message (`a number of metres`).
 */
export function queryNumber<T extends z.ZodType<number>>(number: T, what = 'a number') {
  return z.preprocess((value, ctx) => {
    if (typeof value !== 'string') return value;
    if (DECIMAL_PATTERN.test(value)) return Number(value);
    ctx.addIssue({ code: 'custom', message: notDecimal(what), input: value });
    return value;
  }, number);
}

/** A query parameter holding comma-separated numbers, each plain decimal, then checked by `list`. */
export function queryNumberList<T extends z.ZodType<unknown, number[]>>(list: T) {
  return z
    .string()
    .regex(
      DECIMAL_LIST_PATTERN,
      `must be numbers separated by commas, each ${notDecimal('a number')}`,
    )
    .transform((text) => text.split(',').map(Number))
    .pipe(list);
}
