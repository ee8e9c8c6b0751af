import type { BboxLiteral, Geometry, Position } from './ast';
import { Cql2SyntaxError } from './errors';
import { ringCrossesItself } from './ring';
import type { TokenCursor } from './token-cursor';

/**
 * Reads WKT geometry literals and `BBOX(…)` from the filter's tokens, validating them so that no
 * malformed geometry reaches PostGIS: coordinates are finite CRS84 `lng lat` within range, lines
 * have two positions, polygon rings are closed with at least four and do not cross themselves.
 */

const TAGS = [
  'POINT',
  'LINESTRING',
  'POLYGON',
  'MULTIPOINT',
  'MULTILINESTRING',
  'MULTIPOLYGON',
  'GEOMETRYCOLLECTION',
] as const;

type Tag = (typeof TAGS)[number];

function isTag(name: string): name is Tag {
  return (TAGS as readonly string[]).includes(name);
}

/** Whether the next tokens start a geometry literal: a WKT tag or `BBOX` followed by `(` or `Z`. */
export function atGeometryLiteral(cursor: TokenCursor): boolean {
  const token = cursor.peek();
  if (token.kind !== 'identifier') return false;
  const name = token.value.toUpperCase();
  if (name === 'BBOX') return cursor.isSymbol('(', 1);
  return isTag(name) && (cursor.isSymbol('(', 1) || cursor.isKeyword('Z', 1));
}

/** Parses the geometry literal or bounding box at the cursor (see `atGeometryLiteral`). */
export function parseGeometryLiteral(cursor: TokenCursor): Geometry | BboxLiteral {
  const name = cursor.next().value.toUpperCase();
  if (name === 'BBOX') return parseBbox(cursor);
  return parseTagged(cursor, name as Tag);
}

function parseTagged(cursor: TokenCursor, tag: Tag): Geometry {
  const z = cursor.acceptKeyword('Z');
  const position = () => parsePosition(cursor, z);
  switch (tag) {
    case 'POINT':
      return { type: 'Point', coordinates: parseParenthesised(cursor, position) };
    case 'LINESTRING':
      return { type: 'LineString', coordinates: parseLine(cursor, z) };
    case 'POLYGON':
      return { type: 'Polygon', coordinates: parsePolygon(cursor, z) };
    case 'MULTIPOINT':
      return { type: 'MultiPoint', coordinates: parseList(cursor, () => parseMember(cursor, z)) };
    case 'MULTILINESTRING':
      return {
        type: 'MultiLineString',
        coordinates: parseList(cursor, () => parseLine(cursor, z)),
      };
    case 'MULTIPOLYGON':
      return {
        type: 'MultiPolygon',
        coordinates: parseList(cursor, () => parsePolygon(cursor, z)),
      };
    case 'GEOMETRYCOLLECTION':
      return {
        type: 'GeometryCollection',
        geometries: parseList(cursor, () => parseChild(cursor)),
      };
  }
}

/** A member of a GEOMETRYCOLLECTION: any tagged geometry, one nesting level deeper. */
function parseChild(cursor: TokenCursor): Geometry {
  const token = cursor.peek();
  const name = token.value.toUpperCase();
  if (token.kind !== 'identifier' || !isTag(name)) cursor.fail('a geometry such as POINT(…)');
  cursor.next();
  return cursor.nested(() => parseTagged(cursor, name));
}

/** `( item, item … )` with at least one item. */
function parseList<T>(cursor: TokenCursor, item: () => T): T[] {
  cursor.expectSymbol('(');
  const items = [item()];
  while (cursor.acceptSymbol(',')) items.push(item());
  cursor.expectSymbol(')', "',' or ')'");
  return items;
}

function parseParenthesised<T>(cursor: TokenCursor, item: () => T): T {
  cursor.expectSymbol('(');
  const value = item();
  cursor.expectSymbol(')');
  return value;
}

/** A MULTIPOINT member: `x y` or `(x y)`. */
function parseMember(cursor: TokenCursor, z: boolean): Position {
  const position = () => parsePosition(cursor, z);
  return cursor.isSymbol('(') ? parseParenthesised(cursor, position) : position();
}

function parseLine(cursor: TokenCursor, z: boolean): Position[] {
  const start = cursor.peek().position;
  const positions = parseList(cursor, () => parsePosition(cursor, z));
  if (positions.length < 2) {
    throw new Cql2SyntaxError(start, 'a line needs at least 2 positions');
  }
  return positions;
}

function parsePolygon(cursor: TokenCursor, z: boolean): Position[][] {
  return parseList(cursor, () => parseRing(cursor, z));
}

function parseRing(cursor: TokenCursor, z: boolean): Position[] {
  const start = cursor.peek().position;
  const ring = parseList(cursor, () => parsePosition(cursor, z));
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (ring.length < 4) {
    throw new Cql2SyntaxError(
      start,
      `a polygon ring needs at least 4 positions, not ${ring.length}`,
    );
  }
  if (first[0] !== last[0] || first[1] !== last[1]) {
    throw new Cql2SyntaxError(start, 'a polygon ring must be closed (end where it starts)');
  }
  if (ringCrossesItself(ring)) {
    throw new Cql2SyntaxError(start, 'a polygon ring must not cross or touch itself');
  }
  return ring;
}

/** `lng lat` or `lng lat z` (the z is required after the `Z` tag and optional otherwise). */
function parsePosition(cursor: TokenCursor, z: boolean): Position {
  const lng = readCoordinate(cursor, 'a longitude', 180);
  const lat = readCoordinate(cursor, 'a latitude', 90);
  if (!z && cursor.peek().kind !== 'number') return [lng, lat];
  return [lng, lat, readCoordinate(cursor, 'a z coordinate', Infinity)];
}

function readCoordinate(cursor: TokenCursor, what: string, limit: number): number {
  const token = cursor.peek();
  if (token.kind !== 'number') cursor.fail(what);
  const value = Number(token.value);
  if (!Number.isFinite(value)) {
    throw new Cql2SyntaxError(token.position, `${what} must be a finite number`);
  }
  if (Math.abs(value) > limit) {
    throw new Cql2SyntaxError(
      token.position,
      `${what} must be within [-${limit}, ${limit}] but is ${token.text} (positions are 'lng lat' in CRS84)`,
    );
  }
  cursor.next();
  return value;
}

/** `BBOX(west, south, east, north)` or `BBOX(west, south, minz, east, north, maxz)`. */
function parseBbox(cursor: TokenCursor): BboxLiteral {
  const start = cursor.peek().position;
  const numbers = parseList(cursor, () => readCoordinate(cursor, 'a number', Infinity));
  if (numbers.length !== 4 && numbers.length !== 6) {
    throw new Cql2SyntaxError(start, `BBOX takes 4 or 6 numbers, not ${numbers.length}`);
  }
  const flat = numbers.length === 4;
  const [west, south, east, north] = (
    flat ? numbers : [numbers[0], numbers[1], numbers[3], numbers[4]]
  ) as number[];
  checkBboxEdges(start, west ?? 0, south ?? 0, east ?? 0, north ?? 0);
  return { bbox: numbers };
}

function checkBboxEdges(at: number, west: number, south: number, east: number, north: number) {
  if (Math.abs(west) > 180 || Math.abs(east) > 180) {
    throw new Cql2SyntaxError(at, 'BBOX longitudes must be within [-180, 180]');
  }
  if (Math.abs(south) > 90 || Math.abs(north) > 90) {
    throw new Cql2SyntaxError(at, 'BBOX latitudes must be within [-90, 90]');
  }
  if (south > north) {
    throw new Cql2SyntaxError(at, 'BBOX south edge must not be north of its north edge');
  }
}
