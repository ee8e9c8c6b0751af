import type {
  BboxLiteral,
  DWithinExpression,
  Geometry,
  GeometryOperand,
  SpatialExpression,
  SpatialOperator,
} from './ast';
import { isPropertyRef } from './compile-scalar';
import { invalidFilter } from './errors';
import { type CompileOptions, lookupQueryable, typeLabel } from './queryables';
import { formatWkt, positionsOf } from './wkt-format';

/**
 * PostGIS functions for the CQL2 spatial functions; all of them can use a GiST index on the
 * property. S_DISJOINT is written as NOT ST_Intersects (the same test; no index helps either way).
 */
const FUNCTIONS: Record<Exclude<SpatialOperator, 's_disjoint'>, string> = {
  s_intersects: 'ST_Intersects',
  s_equals: 'ST_Equals',
  s_touches: 'ST_Touches',
  s_within: 'ST_Within',
  s_overlaps: 'ST_Overlaps',
  s_crosses: 'ST_Crosses',
  s_contains: 'ST_Contains',
};

/** The shortest ground length of one degree anywhere (a degree of latitude at the equator). */
const MIN_METRES_PER_DEGREE = 110_574;
/** Past this latitude a degree of longitude is too short for pruning to help: pass everything. */
const MAX_BOUND_LATITUDE = 85;
/** More than the planar distance between any two CRS84 positions. */
const ALL_DEGREES = 1000;

/** `S_INTERSECTS(a, b)` etc.: either argument may be a geometry property or a literal. */
export function compileSpatial(expression: SpatialExpression, options: CompileOptions): string {
  const name = expression.op.toUpperCase();
  const [a, b] = expression.args.map((operand) => geometrySql(operand, name, options));
  if (expression.op === 's_disjoint') return `NOT ST_Intersects(${a}, ${b})`;
  return `${FUNCTIONS[expression.op]}(${a}, ${b})`;
}

/**
 * `S_DWITHIN(geom, <literal>, metres)`: a planar ST_DWithin in degrees that the GiST index can
 * answer, then the exact geodesic test in metres on geography (which alone cannot use the index).
 */
export function compileDWithin(expression: DWithinExpression, options: CompileOptions): string {
  const [column, literal, metres] = expression.args;
  if (!isPropertyRef(column)) {
    throw invalidFilter('S_DWITHIN needs a geometry property as its first argument.');
  }
  if (isPropertyRef(literal)) {
    throw invalidFilter(
      'S_DWITHIN needs a geometry literal such as POINT(lng lat) as its second argument.',
    );
  }
  const { param } = options;
  const columnSql = geometrySql(column, 'S_DWITHIN', options);
  const literalSql = geometrySql(literal, 'S_DWITHIN', options);
  const degrees = degreeBound(metres, maxAbsLatitude(literal));
  return (
    `(ST_DWithin(${columnSql}, ${literalSql}, ${param(degrees)}::double precision)` +
    ` AND ST_DWithin(${columnSql}::geography, ${literalSql}::geography, ${param(metres)}::double precision))`
  );
}

/**
 * An over-estimate, in degrees, of `metres` around a literal whose positions reach `latitude`:
 * every match lies within `latitude + metres` of the equator, where a degree is still at least
 * 110 574 m × cos(latitude) long. Matches across the antimeridian are not covered.
 */
export function degreeBound(metres: number, latitude: number): number {
  const reach = latitude + metres / MIN_METRES_PER_DEGREE;
  if (reach > MAX_BOUND_LATITUDE) return ALL_DEGREES;
  return metres / (MIN_METRES_PER_DEGREE * Math.cos((reach * Math.PI) / 180));
}

function maxAbsLatitude(literal: Geometry | BboxLiteral): number {
  if ('bbox' in literal) {
    const [, south = 0, , north = 0] = bboxEdges(literal);
    return Math.max(Math.abs(south), Math.abs(north));
  }
  return Math.max(...positionsOf(literal).map((position) => Math.abs(position[1] ?? 0)));
}

/** SQL for a spatial argument: the property's trusted SQL, or the literal as parameters. */
function geometrySql(operand: GeometryOperand, fn: string, options: CompileOptions): string {
  if (isPropertyRef(operand)) {
    const queryable = lookupQueryable(operand.property, options);
    if (queryable.type === 'geometry') return queryable.sql;
    throw invalidFilter(
      `${fn} needs a geometry property, but '${operand.property}' is ${typeLabel(queryable.type)}.`,
    );
  }
  if ('bbox' in operand) return envelopeSql(operand, options.param);
  return `ST_GeomFromText(${options.param(formatWkt(operand))}, 4326)`;
}

/** `[west, south, east, north]` of a 2D or 3D BBOX. */
function bboxEdges({ bbox }: BboxLiteral): number[] {
  return bbox.length === 6 ? [0, 1, 3, 4].map((index) => bbox[index] ?? 0) : bbox;
}

/** A box; one crossing the antimeridian (west > east) becomes two boxes collected together. */
function envelopeSql(literal: BboxLiteral, param: CompileOptions['param']): string {
  const [west = 0, south = 0, east = 0, north = 0] = bboxEdges(literal);
  const box = (w: number, e: number) =>
    `ST_MakeEnvelope(${[w, south, e, north].map((n) => `${param(n)}::double precision`).join(', ')}, 4326)`;
  if (west <= east) return box(west, east);
  return `ST_Collect(${box(west, 180)}, ${box(-180, east)})`;
}
