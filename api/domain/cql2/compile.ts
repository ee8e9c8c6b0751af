import type {
  BetweenExpression,
  ComparisonExpression,
  Cql2Expression,
  InExpression,
  IsNullExpression,
  LikeExpression,
} from './ast';
import {
  checkComparable,
  contextType,
  type Operand,
  operandSql,
  toOperand,
} from './compile-scalar';
import { compileDWithin, compileSpatial } from './compile-spatial';
import { invalidFilter } from './errors';
import { type CompileOptions, typeLabel } from './queryables';

/**
 * Compiles a parsed filter into a boolean SQL expression. Properties become the trusted SQL of
 * their queryable; every literal goes through `options.param` and comes back as a cast
 * placeholder, so nothing from the filter text is ever pasted into the SQL. Throws a
 * `ValidationError` (400) for unknown properties, mismatched types and values outside an enum.
 */
export function compileCql2(expression: Cql2Expression, options: CompileOptions): string {
  if (typeof expression === 'boolean') return `${options.param(expression)}::boolean`;
  switch (expression.op) {
    case 'and':
    case 'or': {
      const parts = expression.args.map((arg) => compileCql2(arg, options));
      return `(${parts.join(` ${expression.op.toUpperCase()} `)})`;
    }
    case 'not':
      return `NOT (${compileCql2(expression.args[0], options)})`;
    case 'like':
      return compileLike(expression, options);
    case 'between':
      return compileBetween(expression, options);
    case 'in':
      return compileIn(expression, options);
    case 'isNull':
      return compileIsNull(expression, options);
    case 's_dwithin':
      return compileDWithin(expression, options);
    case '=':
    case '<>':
    case '<':
    case '>':
    case '<=':
    case '>=':
      return compileComparison(expression, options);
    default:
      return compileSpatial(expression, options);
  }
}

/** Type-checks `subject` against each other operand and writes all of them as SQL. */
function compileOperands(operands: Operand[], options: CompileOptions): string[] {
  const [subject, ...others] = operands as [Operand, ...Operand[]];
  for (const other of others) checkComparable(subject, other);
  const context = contextType(operands);
  return operands.map((operand) => operandSql(operand, context, options.param));
}

function compileComparison(expression: ComparisonExpression, options: CompileOptions): string {
  const operands = expression.args.map((arg) => toOperand(arg, options));
  const [left, right] = compileOperands(operands, options);
  return `${left} ${expression.op} ${right}`;
}

function compileBetween(expression: BetweenExpression, options: CompileOptions): string {
  const operands = expression.args.map((arg) => toOperand(arg, options));
  const [value, low, high] = compileOperands(operands, options);
  return `(${value} BETWEEN ${low} AND ${high})`;
}

function compileIn(expression: InExpression, options: CompileOptions): string {
  const [subject, list] = expression.args;
  const operands = [subject, ...list].map((arg) => toOperand(arg, options));
  const [value, ...items] = compileOperands(operands, options);
  return `${value} IN (${items.join(', ')})`;
}

/** LIKE keeps CQL2's `%`, `_` and `\` escape, which are PostgreSQL's LIKE defaults too. */
function compileLike(expression: LikeExpression, options: CompileOptions): string {
  const [subject, pattern] = expression.args;
  const operand = toOperand(subject, options);
  if (operand.type !== 'string') {
    const found =
      operand.kind === 'property'
        ? `'${operand.name}' is ${typeLabel(operand.type)}`
        : `found ${typeLabel(operand.type)}`;
    throw invalidFilter(`LIKE needs a string property, but ${found}.`);
  }
  return `${operandSql(operand, 'string', options.param)} LIKE ${options.param(pattern)}::text`;
}

function compileIsNull(expression: IsNullExpression, options: CompileOptions): string {
  const operand = toOperand(expression.args[0], options);
  return `${operandSql(operand, undefined, options.param)} IS NULL`;
}
