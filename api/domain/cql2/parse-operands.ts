import type {
  Cql2Scalar,
  DateLiteral,
  GeometryOperand,
  SpatialOperator,
  TimestampLiteral,
} from './ast';
import { SPATIAL_OPERATORS } from './ast';
import { Cql2SyntaxError } from './errors';
import { isIsoDate, isIsoTimestamp } from './instants';
import type { Token } from './lexer';
import type { TokenCursor } from './token-cursor';
import { atGeometryLiteral, parseGeometryLiteral } from './wkt-parse';

/** Words that are never property names unless double-quoted. */
const RESERVED = new Set([
  'AND',
  'OR',
  'NOT',
  'LIKE',
  'BETWEEN',
  'IN',
  'IS',
  'NULL',
  'TRUE',
  'FALSE',
]);

/** Function names (upper case) the parser accepts as spatial predicates. */
export const SPATIAL_FUNCTIONS: ReadonlyMap<string, SpatialOperator | 's_dwithin'> = new Map(
  [...SPATIAL_OPERATORS, 's_dwithin' as const].map((op) => [op.toUpperCase(), op]),
);

/** The error for a name followed by `(` that is no function this module knows. */
export function unknownFunction(token: Token): Cql2SyntaxError {
  const known = [...SPATIAL_FUNCTIONS.keys(), 'DATE', 'TIMESTAMP'].join(', ');
  return new Cql2SyntaxError(
    token.position,
    `unknown function '${token.text}' (supported: ${known})`,
  );
}

function isPropertyName(cursor: TokenCursor): boolean {
  const token = cursor.peek();
  if (token.kind === 'quoted') return true;
  return (
    token.kind === 'identifier' &&
    !RESERVED.has(token.value.toUpperCase()) &&
    !cursor.isSymbol('(', 1)
  );
}

/** A property, string, number, boolean, DATE(…) or TIMESTAMP(…); `what` names it in errors. */
export function parseScalar(cursor: TokenCursor, what: string): Cql2Scalar {
  const token = cursor.peek();
  const name = token.value.toUpperCase();
  if (isPropertyName(cursor)) return { property: cursor.next().value };
  if (token.kind === 'string') return cursor.next().value;
  if (token.kind === 'number') return parseNumber(cursor);
  if (token.kind !== 'identifier') cursor.failAfter(what);
  if (name === 'TRUE' || name === 'FALSE') {
    cursor.next();
    return name === 'TRUE';
  }
  if (name === 'DATE' || name === 'TIMESTAMP') return parseInstant(cursor, name);
  if (atGeometryLiteral(cursor)) {
    throw new Cql2SyntaxError(
      token.position,
      'a geometry literal can only be an argument of a spatial function such as S_INTERSECTS',
    );
  }
  if (cursor.isSymbol('(', 1)) throw unknownFunction(token);
  cursor.failAfter(what);
}

function parseNumber(cursor: TokenCursor): number {
  const token = cursor.next();
  const value = Number(token.value);
  if (!Number.isFinite(value)) {
    throw new Cql2SyntaxError(token.position, `the number ${token.text} is out of range`);
  }
  return value;
}

/** `DATE('YYYY-MM-DD')` or `TIMESTAMP('YYYY-MM-DDThh:mm:ssZ')`, validated. */
function parseInstant(
  cursor: TokenCursor,
  kind: 'DATE' | 'TIMESTAMP',
): DateLiteral | TimestampLiteral {
  const isDate = kind === 'DATE';
  cursor.next();
  cursor.expectSymbol('(');
  const token = cursor.peek();
  const example = isDate ? "'2026-06-01'" : "'2026-06-01T08:00:00Z'";
  if (token.kind !== 'string') cursor.fail(`a quoted ${kind.toLowerCase()} such as ${example}`);
  if (!(isDate ? isIsoDate(token.value) : isIsoTimestamp(token.value))) {
    throw new Cql2SyntaxError(
      token.position,
      `${token.text} is not a valid RFC 3339 ${isDate ? 'date' : 'timestamp'} (expected e.g. ${example})`,
    );
  }
  cursor.next();
  cursor.expectSymbol(')');
  return isDate ? { date: token.value } : { timestamp: token.value };
}

/** An argument of a spatial function: a property name or a geometry literal. */
export function parseGeometryOperand(cursor: TokenCursor): GeometryOperand {
  if (atGeometryLiteral(cursor)) return parseGeometryLiteral(cursor);
  if (isPropertyName(cursor)) return { property: cursor.next().value };
  cursor.failAfter('a geometry property or a literal such as POINT(lng lat) or BBOX(w, s, e, n)');
}

/** The third argument of S_DWITHIN: a non-negative distance in metres. */
export function parseDistance(cursor: TokenCursor): number {
  const token = cursor.peek();
  if (token.kind !== 'number') cursor.failAfter('a distance in metres');
  const value = parseNumber(cursor);
  if (value < 0) {
    throw new Cql2SyntaxError(token.position, `the distance must not be negative (${token.text})`);
  }
  return value;
}
