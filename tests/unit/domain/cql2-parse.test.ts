import { describe, expect, it } from 'vitest';
import { parseCql2 } from '../../../api/domain/cql2';

describe('parseCql2 literals', () => {
  it('reads a string comparison', () => {
    expect(parseCql2("status = 'reported'")).toEqual({
      op: '=',
      args: [{ property: 'status' }, 'reported'],
    });
  });

  it("unescapes '' inside strings", () => {
    expect(parseCql2("name = 'Via dell''Avvento'")).toEqual({
      op: '=',
      args: [{ property: 'name' }, "Via dell'Avvento"],
    });
  });

  it('decodes backslash escapes for quotes and control characters', () => {
    expect(parseCql2("name = 'a\\'b\\tc\\nd'")).toEqual({
      op: '=',
      args: [{ property: 'name' }, "a'b\tc\nd"],
    });
  });

  it('keeps a backslash before other characters (LIKE escapes)', () => {
    expect(parseCql2("name LIKE '100\\%'")).toEqual({
      op: 'like',
      args: [{ property: 'name' }, '100\\%'],
    });
  });

  it('reads integers, decimals, negatives and exponents', () => {
    expect(parseCql2('households IN (12, 3.5, -7, 1.5e3, .25)')).toEqual({
      op: 'in',
      args: [{ property: 'households' }, [12, 3.5, -7, 1500, 0.25]],
    });
  });

  it('reads TRUE and FALSE in any case', () => {
    expect(parseCql2('flag = true')).toEqual({ op: '=', args: [{ property: 'flag' }, true] });
    expect(parseCql2('FALSE')).toBe(false);
  });

  it('reads TIMESTAMP and DATE literals', () => {
    expect(parseCql2("reported_at > TIMESTAMP('2026-06-01T08:00:00Z')")).toEqual({
      op: '>',
      args: [{ property: 'reported_at' }, { timestamp: '2026-06-01T08:00:00Z' }],
    });
    expect(parseCql2("reported_at < date('2026-06-01')")).toEqual({
      op: '<',
      args: [{ property: 'reported_at' }, { date: '2026-06-01' }],
    });
  });

  it('reads double-quoted property names, even ones that are keywords', () => {
    expect(parseCql2('"date" IS NULL')).toEqual({ op: 'isNull', args: [{ property: 'date' }] });
  });

  it('reads names with underscores, dots, colons and non-Latin letters', () => {
    expect(parseCql2('grid_code = 1 AND a.b = 2 AND 名称 = 3')).toEqual({
      op: 'and',
      args: [
        { op: '=', args: [{ property: 'grid_code' }, 1] },
        { op: '=', args: [{ property: 'a.b' }, 2] },
        { op: '=', args: [{ property: '名称' }, 3] },
      ],
    });
  });
});

describe('parseCql2 operators', () => {
  it('reads every comparison operator', () => {
    for (const op of ['=', '<>', '<', '>', '<=', '>=']) {
      expect(parseCql2(`households ${op} 3`)).toEqual({
        op,
        args: [{ property: 'households' }, 3],
      });
    }
  });

  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    expect(parseCql2('NOT a = 1 AND b = 2 OR c = 3')).toEqual({
      op: 'or',
      args: [
        {
          op: 'and',
          args: [
            { op: 'not', args: [{ op: '=', args: [{ property: 'a' }, 1] }] },
            { op: '=', args: [{ property: 'b' }, 2] },
          ],
        },
        { op: '=', args: [{ property: 'c' }, 3] },
      ],
    });
  });

  it('lets parentheses override precedence', () => {
    expect(parseCql2('a = 1 AND (b = 2 OR c = 3)')).toEqual({
      op: 'and',
      args: [
        { op: '=', args: [{ property: 'a' }, 1] },
        {
          op: 'or',
          args: [
            { op: '=', args: [{ property: 'b' }, 2] },
            { op: '=', args: [{ property: 'c' }, 3] },
          ],
        },
      ],
    });
  });

  it('reads keywords in any case', () => {
    expect(parseCql2("a = 1 and not b like 'x' Or c is not null")).toEqual(
      parseCql2("a = 1 AND NOT b LIKE 'x' OR c IS NOT NULL"),
    );
  });

  it('reads NOT LIKE, NOT IN, NOT BETWEEN and IS NOT NULL as negations', () => {
    expect(parseCql2("name NOT LIKE 'A%'")).toEqual({
      op: 'not',
      args: [{ op: 'like', args: [{ property: 'name' }, 'A%'] }],
    });
    expect(parseCql2('households NOT BETWEEN 1 AND 5')).toEqual({
      op: 'not',
      args: [{ op: 'between', args: [{ property: 'households' }, 1, 5] }],
    });
    expect(parseCql2("status NOT IN ('closed')")).toEqual({
      op: 'not',
      args: [{ op: 'in', args: [{ property: 'status' }, ['closed']] }],
    });
    expect(parseCql2('name IS NOT NULL')).toEqual({
      op: 'not',
      args: [{ op: 'isNull', args: [{ property: 'name' }] }],
    });
  });

  it('keeps the AND of BETWEEN apart from a following boolean AND', () => {
    expect(parseCql2('h BETWEEN 1 AND 5 AND b = 2')).toEqual({
      op: 'and',
      args: [
        { op: 'between', args: [{ property: 'h' }, 1, 5] },
        { op: '=', args: [{ property: 'b' }, 2] },
      ],
    });
  });

  it('reads property-property and value-on-the-left comparisons', () => {
    expect(parseCql2('households > population')).toEqual({
      op: '>',
      args: [{ property: 'households' }, { property: 'population' }],
    });
    expect(parseCql2('10 <= households')).toEqual({
      op: '<=',
      args: [10, { property: 'households' }],
    });
  });
});

describe('parseCql2 spatial functions', () => {
  it('reads all eight standard functions in any case', () => {
    const names = ['intersects', 'equals', 'disjoint', 'touches', 'within', 'overlaps', 'crosses'];
    for (const name of [...names, 'contains']) {
      expect(parseCql2(`s_${name}(geom, POINT(1 2))`)).toEqual({
        op: `s_${name}`,
        args: [{ property: 'geom' }, { type: 'Point', coordinates: [1, 2] }],
      });
    }
  });

  it('reads a literal as the first argument', () => {
    expect(parseCql2('S_WITHIN(BBOX(0,40,10,50), geom)')).toEqual({
      op: 's_within',
      args: [{ bbox: [0, 40, 10, 50] }, { property: 'geom' }],
    });
  });

  it('reads S_DWITHIN with a distance in metres', () => {
    expect(parseCql2('S_DWITHIN(geom, POINT(117.1 36.6), 500)')).toEqual({
      op: 's_dwithin',
      args: [{ property: 'geom' }, { type: 'Point', coordinates: [117.1, 36.6] }, 500],
    });
  });

  it('combines spatial functions with other predicates', () => {
    expect(parseCql2("S_INTERSECTS(geom, BBOX(0,0,1,1)) AND status = 'reported'")).toEqual({
      op: 'and',
      args: [
        { op: 's_intersects', args: [{ property: 'geom' }, { bbox: [0, 0, 1, 1] }] },
        { op: '=', args: [{ property: 'status' }, 'reported'] },
      ],
    });
  });
});
