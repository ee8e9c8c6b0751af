/**
 * CQL2 text (OGC 21-065) for OGC API – Features Part 3 `filter=`: `parseCql2` turns the text into
 * a syntax tree, `compileCql2` turns the tree into a parameterised boolean SQL expression over
 * the caller's queryables. Pure: no database, no HTTP.
 */
export type {
  BboxLiteral,
  BetweenExpression,
  ComparisonExpression,
  ComparisonOperator,
  Cql2Expression,
  Cql2Scalar,
  DateLiteral,
  DWithinExpression,
  Geometry,
  GeometryOperand,
  InExpression,
  IsNullExpression,
  LikeExpression,
  LogicalExpression,
  NotExpression,
  Position,
  PropertyRef,
  SpatialExpression,
  SpatialOperator,
  TimestampLiteral,
} from './ast';
export { SPATIAL_OPERATORS } from './ast';
export { compileCql2 } from './compile';
export { CQL2_CONFORMANCE } from './conformance';
export { Cql2SyntaxError } from './errors';
export { parseCql2 } from './parser';
export type { CompileOptions, Queryable, QueryableType } from './queryables';
