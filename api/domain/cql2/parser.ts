import type { ComparisonOperator, Cql2Expression, Cql2Scalar } from './ast';
import { Cql2SyntaxError } from './errors';
import { tokenize } from './lexer';
import {
  parseDistance,
  parseGeometryOperand,
  parseScalar,
  SPATIAL_FUNCTIONS,
  unknownFunction,
} from './parse-operands';
import { TokenCursor } from './token-cursor';

const COMPARISON_OPERATORS = new Set(['=', '<>', '<', '>', '<=', '>=']);
const PREDICATE_WORDS = ['LIKE', 'BETWEEN', 'IN'];

/**
 * Parses CQL2 text (OGC 21-065) into its syntax tree. Keywords are case-insensitive; NOT binds
 * tighter than AND, and AND tighter than OR. Throws `Cql2SyntaxError` (a 400 naming the
 * character offset and what was expected) for anything that is not well-formed.
 */
export function parseCql2(text: string): Cql2Expression {
  const cursor = new TokenCursor(tokenize(text));
  if (cursor.peek().kind === 'end') cursor.fail('a filter expression');
  const expression = parseOr(cursor);
  const rest = cursor.peek();
  if (rest.kind !== 'end') {
    if (cursor.isSymbol(')')) throw new Cql2SyntaxError(rest.position, "')' has no matching '('");
    cursor.fail('AND, OR or the end of the filter');
  }
  return expression;
}

function parseOr(cursor: TokenCursor): Cql2Expression {
  const args = [parseAnd(cursor)];
  while (cursor.acceptKeyword('OR')) args.push(parseAnd(cursor));
  return args.length === 1 ? (args[0] as Cql2Expression) : { op: 'or', args };
}

function parseAnd(cursor: TokenCursor): Cql2Expression {
  const args = [parseNot(cursor)];
  while (cursor.acceptKeyword('AND')) args.push(parseNot(cursor));
  return args.length === 1 ? (args[0] as Cql2Expression) : { op: 'and', args };
}

function parseNot(cursor: TokenCursor): Cql2Expression {
  if (!cursor.acceptKeyword('NOT')) return parsePrimary(cursor);
  return { op: 'not', args: [cursor.nested(() => parseNot(cursor))] };
}

/** A parenthesised expression, a spatial function or a predicate on a scalar. */
function parsePrimary(cursor: TokenCursor): Cql2Expression {
  if (cursor.isSymbol('(')) {
    const open = cursor.next();
    const inner = cursor.nested(() => parseOr(cursor));
    cursor.expectSymbol(')', `')' to close the '(' at position ${open.position}`);
    return inner;
  }
  const token = cursor.peek();
  if (token.kind === 'identifier' && cursor.isSymbol('(', 1)) {
    const name = token.value.toUpperCase();
    if (SPATIAL_FUNCTIONS.has(name)) return parseSpatial(cursor);
    if (name !== 'DATE' && name !== 'TIMESTAMP') throw unknownFunction(token);
  }
  const subject = parseScalar(cursor, 'a predicate');
  if (typeof subject === 'boolean' && !atPredicateTail(cursor)) return subject;
  return parsePredicateTail(cursor, subject);
}

/** Whether a comparison, IS, LIKE, BETWEEN or IN follows (so `TRUE` is an operand, not a filter). */
function atPredicateTail(cursor: TokenCursor): boolean {
  const token = cursor.peek();
  if (token.kind === 'symbol' && COMPARISON_OPERATORS.has(token.value)) return true;
  const offset = cursor.isKeyword('NOT') ? 1 : 0;
  return cursor.isKeyword('IS') || PREDICATE_WORDS.some((word) => cursor.isKeyword(word, offset));
}

function parsePredicateTail(cursor: TokenCursor, subject: Cql2Scalar): Cql2Expression {
  const token = cursor.peek();
  if (token.kind === 'symbol' && COMPARISON_OPERATORS.has(token.value)) {
    cursor.next();
    const op = token.value as ComparisonOperator;
    return { op, args: [subject, parseScalar(cursor, 'a value')] };
  }
  if (cursor.acceptKeyword('IS')) {
    const negated = cursor.acceptKeyword('NOT');
    cursor.expectKeyword('NULL', negated ? 'NULL' : 'NULL or NOT NULL');
    return negate({ op: 'isNull', args: [subject] }, negated);
  }
  const negated = cursor.acceptKeyword('NOT');
  if (cursor.acceptKeyword('LIKE')) return negate(parseLike(cursor, subject), negated);
  if (cursor.acceptKeyword('BETWEEN')) return negate(parseBetween(cursor, subject), negated);
  if (cursor.acceptKeyword('IN')) return negate(parseIn(cursor, subject), negated);
  if (negated) cursor.failAfter('LIKE, BETWEEN or IN');
  cursor.failAfter('a comparison (=, <>, <, >, <=, >=), LIKE, BETWEEN, IN or IS NULL');
}

function negate(expression: Cql2Expression, negated: boolean): Cql2Expression {
  return negated ? { op: 'not', args: [expression] } : expression;
}

function parseLike(cursor: TokenCursor, subject: Cql2Scalar): Cql2Expression {
  const token = cursor.peek();
  if (token.kind !== 'string') cursor.failAfter("a quoted pattern such as 'Main%'");
  cursor.next();
  return { op: 'like', args: [subject, token.value] };
}

function parseBetween(cursor: TokenCursor, subject: Cql2Scalar): Cql2Expression {
  const low = parseScalar(cursor, 'a lower bound');
  cursor.expectKeyword('AND', 'AND between the two bounds');
  const high = parseScalar(cursor, 'an upper bound');
  return { op: 'between', args: [subject, low, high] };
}

function parseIn(cursor: TokenCursor, subject: Cql2Scalar): Cql2Expression {
  cursor.expectSymbol('(', "'(' to start the list");
  const list = [parseScalar(cursor, 'a value')];
  while (cursor.acceptSymbol(',')) list.push(parseScalar(cursor, 'a value'));
  cursor.expectSymbol(')', "',' or ')'");
  return { op: 'in', args: [subject, list] };
}

/** `S_XXX(a, b)` or `S_DWITHIN(a, b, metres)`. */
function parseSpatial(cursor: TokenCursor): Cql2Expression {
  const name = cursor.next();
  const op = SPATIAL_FUNCTIONS.get(name.value.toUpperCase()) ?? 's_intersects';
  cursor.expectSymbol('(');
  const first = parseGeometryOperand(cursor);
  cursor.expectSymbol(',', `',' and a second argument of ${name.text}`);
  const second = parseGeometryOperand(cursor);
  if (op === 's_dwithin') {
    cursor.expectSymbol(',', `',' and a distance in metres`);
    const distance = parseDistance(cursor);
    cursor.expectSymbol(')', `')' to close ${name.text}`);
    return { op, args: [first, second, distance] };
  }
  cursor.expectSymbol(')', `')' to close ${name.text}`);
  return { op, args: [first, second] };
}
