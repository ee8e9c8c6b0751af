import { describe, expect, it } from 'vitest';
import { type Cql2Expression, Cql2SyntaxError, parseCql2 } from '../../../api/domain/cql2';

/** The second argument of `S_INTERSECTS(geom, <literal>)`. */
function literal(wkt: string): unknown {
  const expression = parseCql2(`S_INTERSECTS(geom, ${wkt})`) as Exclude<Cql2Expression, boolean>;
  return expression.args[1];
}

function positionOf(wkt: string): number {
  try {
    literal(wkt);
  } catch (error) {
    if (error instanceof Cql2SyntaxError) return error.position - 'S_INTERSECTS(geom, '.length;
    throw error;
  }
  throw new Error(`${wkt} parsed`);
}

describe('WKT literals', () => {
  it('reads a POINT as lng lat', () => {
    expect(literal('POINT(7.02 49.92)')).toEqual({ type: 'Point', coordinates: [7.02, 49.92] });
  });

  it('reads a POINT Z and an untagged 3D point', () => {
    expect(literal('POINT Z (1 2 3)')).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(literal('POINT(1 2 3)')).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
  });

  it('reads a LINESTRING', () => {
    expect(literal('LINESTRING(0 40, 10 50)')).toEqual({
      type: 'LineString',
      coordinates: [
        [0, 40],
        [10, 50],
      ],
    });
  });

  it('reads a POLYGON with a hole', () => {
    const outer = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const hole = [
      [2, 2],
      [3, 2],
      [3, 3],
      [2, 2],
    ];
    expect(literal('POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,3 2,3 3,2 2))')).toEqual({
      type: 'Polygon',
      coordinates: [outer, hole],
    });
  });

  it('reads MULTIPOINT with and without parentheses around points', () => {
    const expected = {
      type: 'MultiPoint',
      coordinates: [
        [7, 50],
        [10, 51],
      ],
    };
    expect(literal('MULTIPOINT(7 50, 10 51)')).toEqual(expected);
    expect(literal('MULTIPOINT((7 50), (10 51))')).toEqual(expected);
  });

  it('reads MULTILINESTRING and MULTIPOLYGON', () => {
    expect(literal('MULTILINESTRING((0 0, 1 1), (2 2, 3 3))')).toMatchObject({
      type: 'MultiLineString',
      coordinates: [
        [
          [0, 0],
          [1, 1],
        ],
        [
          [2, 2],
          [3, 3],
        ],
      ],
    });
    expect(literal('MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))')).toMatchObject({
      type: 'MultiPolygon',
    });
  });

  it('reads a GEOMETRYCOLLECTION of mixed members', () => {
    expect(literal('GEOMETRYCOLLECTION(POINT(7.02 49.92), LINESTRING(0 0, 1 1))')).toEqual({
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [7.02, 49.92] },
        {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [1, 1],
          ],
        },
      ],
    });
  });

  it('reads geometry tags in any case', () => {
    expect(literal('point(1 2)')).toEqual({ type: 'Point', coordinates: [1, 2] });
  });

  it('reads BBOX with 4 and 6 numbers, and one crossing the antimeridian', () => {
    expect(literal('BBOX(0, 40, 10, 50)')).toEqual({ bbox: [0, 40, 10, 50] });
    expect(literal('BBOX(0, 40, -5, 10, 50, 5)')).toEqual({ bbox: [0, 40, -5, 10, 50, 5] });
    expect(literal('BBOX(150, -90, -150, 90)')).toEqual({ bbox: [150, -90, -150, 90] });
  });
});

describe('invalid WKT literals', () => {
  it('rejects a latitude out of range at that number', () => {
    expect(positionOf('POINT(90 180)')).toBe(9);
  });

  it('rejects a longitude out of range', () => {
    expect(positionOf('POINT(181 0)')).toBe(6);
  });

  it('rejects a non-finite coordinate', () => {
    expect(positionOf('POINT(1e999 0)')).toBe(6);
  });

  it('rejects an unclosed polygon ring at the ring', () => {
    expect(positionOf('POLYGON((0 0, 1 0, 1 1, 0 1))')).toBe(8);
  });

  it('rejects a ring with fewer than 4 positions', () => {
    expect(positionOf('POLYGON((0 0, 1 0, 0 0))')).toBe(8);
  });

  it('rejects a line with a single position', () => {
    expect(positionOf('LINESTRING(0 0)')).toBe(10);
  });

  it('rejects a missing coordinate', () => {
    expect(positionOf('POINT(1)')).toBe(7);
  });

  it('rejects a missing z after the Z tag', () => {
    expect(positionOf('POINT Z (1 2)')).toBe(12);
  });

  it('rejects an unknown member of a GEOMETRYCOLLECTION', () => {
    expect(positionOf('GEOMETRYCOLLECTION(CIRCLE(1 2))')).toBe(19);
  });

  it('rejects a BBOX with the wrong count of numbers', () => {
    expect(positionOf('BBOX(0, 1, 2)')).toBe(4);
  });

  it('rejects a BBOX whose south edge is north of its north edge', () => {
    expect(positionOf('BBOX(0, 50, 10, 40)')).toBe(4);
  });

  it('rejects a BBOX latitude out of range', () => {
    expect(positionOf('BBOX(0, -91, 10, 40)')).toBe(4);
  });
});
