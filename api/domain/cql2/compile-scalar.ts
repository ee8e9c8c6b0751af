import type { Cql2Scalar, PropertyRef } from './ast';
import { invalidFilter } from './errors';
import { isIsoDate, isIsoTimestamp } from './instants';
import {
  type CompileOptions,
  lookupQueryable,
  type Queryable,
  type QueryableType,
  typeLabel,
} from './queryables';

/** A scalar that is not a property reference. */
export type Cql2Literal = Exclude<Cql2Scalar, PropertyRef>;

/** One side of a comparison, with the type the checks and casts go by. */
export type Operand =
  | { kind: 'property'; name: string; queryable: Queryable; type: QueryableType }
  | { kind: 'literal'; value: Cql2Literal; type: QueryableType };

/** Whether a scalar or spatial argument is a `{ property }` reference. */
export function isPropertyRef(value: unknown): value is PropertyRef {
  return typeof value === 'object' && value !== null && 'property' in value;
}

/** Resolves a scalar: properties through the queryables, literals by their own kind. */
export function toOperand(scalar: Cql2Scalar, options: CompileOptions): Operand {
  if (isPropertyRef(scalar)) {
    const queryable = lookupQueryable(scalar.property, options);
    return { kind: 'property', name: scalar.property, queryable, type: queryable.type };
  }
  return { kind: 'literal', value: scalar, type: literalType(scalar) };
}

function literalType(value: Cql2Literal): QueryableType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'datetime';
}

const EXPECTED: Record<QueryableType, string> = {
  string: "a string such as 'text'",
  integer: 'a number',
  number: 'a number',
  boolean: 'TRUE or FALSE',
  datetime: "TIMESTAMP('…'), DATE('…') or an RFC 3339 string",
  geometry: 'a spatial function such as S_INTERSECTS (or IS NULL)',
};

function describe(operand: Operand): string {
  if (operand.kind === 'property') return `property '${operand.name}' (${operand.type})`;
  const { value } = operand;
  if (typeof value !== 'object') return `a ${typeof value}`;
  return 'timestamp' in value ? 'a TIMESTAMP' : 'a DATE';
}

/** A plain string literal holding an RFC 3339 date or timestamp. */
function isIsoString(operand: Operand): boolean {
  if (operand.kind !== 'literal' || typeof operand.value !== 'string') return false;
  return isIsoDate(operand.value) || isIsoTimestamp(operand.value);
}

function compatible(a: Operand, b: Operand): boolean {
  const numeric = (type: QueryableType) => type === 'integer' || type === 'number';
  if (a.type === 'geometry' || b.type === 'geometry') return false;
  if (a.type === b.type || (numeric(a.type) && numeric(b.type))) return true;
  if (a.type === 'datetime' && b.type === 'string') return isIsoString(b);
  if (b.type === 'datetime' && a.type === 'string') return isIsoString(a);
  return false;
}

/** Throws a 400 naming the property and the expected type unless `a` and `b` can be compared. */
export function checkComparable(a: Operand, b: Operand): void {
  if (compatible(a, b)) {
    checkEnum(a, b);
    checkEnum(b, a);
    return;
  }
  const [subject, other] = a.kind === 'property' ? [a, b] : [b, a];
  if (subject.kind === 'property') {
    throw invalidFilter(
      `Property '${subject.name}' is ${typeLabel(subject.type)}: expected ${EXPECTED[subject.type]} but found ${describe(other)}.`,
    );
  }
  throw invalidFilter(`Cannot compare ${describe(a)} with ${describe(b)}.`);
}

/** A string compared with an enum property must be one of its values. */
function checkEnum(property: Operand, value: Operand): void {
  if (property.kind !== 'property' || value.kind !== 'literal') return;
  const allowed = property.queryable.enum;
  if (!allowed || typeof value.value !== 'string' || allowed.includes(value.value)) return;
  throw invalidFilter(
    `Invalid value '${value.value}' for property '${property.name}'. Allowed values: ${allowed.join(', ')}.`,
  );
}

/**
 * The type literals are cast to in one predicate: the first property's type, else datetime if any
 * operand is one (so an ISO string meets a TIMESTAMP as a timestamp), else each literal's own.
 */
export function contextType(operands: readonly Operand[]): QueryableType | undefined {
  const property = operands.find((operand) => operand.kind === 'property');
  if (property) return property.type;
  return operands.some((operand) => operand.type === 'datetime') ? 'datetime' : undefined;
}

/** SQL for an operand: the trusted SQL of a property, or a cast placeholder for a literal. */
export function operandSql(
  operand: Operand,
  context: QueryableType | undefined,
  param: CompileOptions['param'],
): string {
  if (operand.kind === 'property') return operand.queryable.sql;
  const { value } = operand;
  const type = context ?? operand.type;
  if (typeof value === 'string') {
    const cast = type !== 'datetime' ? 'text' : isIsoDate(value) ? 'date' : 'timestamptz';
    return `${param(value)}::${cast}`;
  }
  if (typeof value === 'number') {
    const integral = type === 'integer' && Number.isSafeInteger(value);
    return `${param(value)}::${integral ? 'bigint' : 'double precision'}`;
  }
  if (typeof value === 'boolean') return `${param(value)}::boolean`;
  if ('timestamp' in value) return `${param(value.timestamp)}::timestamptz`;
  return `${param(value.date)}::date`;
}
