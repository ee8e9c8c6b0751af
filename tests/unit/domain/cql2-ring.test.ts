import { describe, expect, it } from 'vitest';
import { Cql2SyntaxError, parseCql2 } from '../../../api/domain/cql2';

const parse = (wkt: string) => () => parseCql2(`S_INTERSECTS(geom, ${wkt})`);

describe('polygon rings in CQL2 filters', () => {
  it('refuses a self-intersecting ring (a bow tie) as a syntax error', () => {
    expect(parse('POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))')).toThrow(Cql2SyntaxError);
    expect(parse('POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))')).toThrow(/cross/);
  });

  it('refuses a ring that doubles back along itself', () => {
    expect(parse('POLYGON((0 0, 2 0, 1 0, 1 1, 0 0))')).toThrow(Cql2SyntaxError);
  });

  it('refuses a self-intersecting hole and multipolygon member', () => {
    const hole = 'POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 4, 4 2, 2 4, 2 2))';
    expect(parse(hole)).toThrow(Cql2SyntaxError);
    expect(parse('MULTIPOLYGON(((0 0, 1 1, 1 0, 0 1, 0 0)))')).toThrow(Cql2SyntaxError);
  });

  it('accepts simple rings, convex or not', () => {
    expect(parse('POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))')).not.toThrow();
    expect(parse('POLYGON((0 0, 4 0, 4 4, 2 1, 0 4, 0 0))')).not.toThrow();
  });
});
