/**
 * The syntax tree of a CQL2 filter. Its shape follows CQL2 JSON (`{ op, args }`, `{ property }`,
 * `{ timestamp }`, `{ date }`, `{ bbox }`, GeoJSON geometries), so a CQL2 JSON reader could feed
 * the same compiler. Negated forms (`NOT LIKE`, `NOT IN`, `NOT BETWEEN`, `IS NOT NULL`) are
 * `{ op: 'not' }` around the positive predicate, as in CQL2 JSON.
 */

/** A reference to a queryable property by name. */
export interface PropertyRef {
  property: string;
}

/** `TIMESTAMP('2026-06-01T08:00:00Z')`: the validated RFC 3339 text. */
export interface TimestampLiteral {
  timestamp: string;
}

/** `DATE('2026-06-01')`: the validated full-date text. */
export interface DateLiteral {
  date: string;
}

/** Anything that can stand on either side of a comparison. */
export type Cql2Scalar = string | number | boolean | PropertyRef | TimestampLiteral | DateLiteral;

/** A position in CRS84: `[lng, lat]` or `[lng, lat, z]`. */
export type Position = number[];

/** A geometry literal (parsed from WKT), shaped like GeoJSON. */
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'GeometryCollection'; geometries: Geometry[] };

/**
 * `BBOX(west, south, east, north)` (or the six-number 3D form with elevations at index 2 and 5).
 * A west edge east of the east edge crosses the antimeridian.
 */
export interface BboxLiteral {
  bbox: number[];
}

/** An argument of a spatial function. */
export type GeometryOperand = PropertyRef | Geometry | BboxLiteral;

export type ComparisonOperator = '=' | '<>' | '<' | '>' | '<=' | '>=';

/** The eight standard CQL2 spatial functions, lower-cased as in CQL2 JSON. */
export const SPATIAL_OPERATORS = [
  's_intersects',
  's_equals',
  's_disjoint',
  's_touches',
  's_within',
  's_overlaps',
  's_crosses',
  's_contains',
] as const;

export type SpatialOperator = (typeof SPATIAL_OPERATORS)[number];

export interface LogicalExpression {
  op: 'and' | 'or';
  args: Cql2Expression[];
}

export interface NotExpression {
  op: 'not';
  args: [Cql2Expression];
}

export interface ComparisonExpression {
  op: ComparisonOperator;
  args: [Cql2Scalar, Cql2Scalar];
}

/** `value LIKE 'pattern'` with `%`, `_` and the escape character `\`. */
export interface LikeExpression {
  op: 'like';
  args: [Cql2Scalar, string];
}

export interface BetweenExpression {
  op: 'between';
  args: [Cql2Scalar, Cql2Scalar, Cql2Scalar];
}

export interface InExpression {
  op: 'in';
  args: [Cql2Scalar, Cql2Scalar[]];
}

export interface IsNullExpression {
  op: 'isNull';
  args: [Cql2Scalar];
}

export interface SpatialExpression {
  op: SpatialOperator;
  args: [GeometryOperand, GeometryOperand];
}

/** Non-standard `S_DWITHIN(geom, <geometry>, <metres>)`. */
export interface DWithinExpression {
  op: 's_dwithin';
  args: [GeometryOperand, GeometryOperand, number];
}

/** A whole filter, or any boolean part of it; `true`/`false` are the boolean literals. */
export type Cql2Expression =
  | boolean
  | LogicalExpression
  | NotExpression
  | ComparisonExpression
  | LikeExpression
  | BetweenExpression
  | InExpression
  | IsNullExpression
  | SpatialExpression
  | DWithinExpression;
