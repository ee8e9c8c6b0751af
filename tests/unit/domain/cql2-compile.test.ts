import { describe, expect, it } from 'vitest';
import { compileCql2, CQL2_CONFORMANCE, parseCql2, type Queryable } from '../../../api/domain/cql2';
import { ValidationError } from '../../../api/domain/errors';

const QUERYABLES: Record<string, Queryable> = {
  status: { sql: 't.status', type: 'string', enum: ['reported', 'closed'] },
  households: { sql: 't.households', type: 'integer' },
  population: { sql: 't.population', type: 'integer' },
  area: { sql: 't.area', type: 'number' },
  urgent: { sql: 't.urgent', type: 'boolean' },
  reported_at: { sql: 't.reported_at', type: 'datetime' },
  geom: { sql: 't.geom', type: 'geometry' },
  name: { sql: 't.name', type: 'string' },
};

/** Parses and compiles `text`, collecting the parameter values in placeholder order. */
function compile(text: string): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  return { sql: compileCql2(parseCql2(text), { queryables: QUERYABLES, param }), values };
}

function compileError(text: string): ValidationError {
  try {
    compile(text);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error(`'${text}' compiled`);
}

describe('compileCql2 comparisons', () => {
  it('compares a string property with a text parameter', () => {
    expect(compile("name = 'Elm'")).toEqual({ sql: 't.name = $1::text', values: ['Elm'] });
  });

  it('casts an integer for an integer property to bigint', () => {
    expect(compile('households >= 10')).toEqual({
      sql: 't.households >= $1::bigint',
      values: [10],
    });
  });

  it('casts a fraction for an integer property to double precision', () => {
    expect(compile('households < 2.5').sql).toBe('t.households < $1::double precision');
  });

  it('casts a number for a number property to double precision', () => {
    expect(compile('area <> -1.5e2')).toEqual({
      sql: 't.area <> $1::double precision',
      values: [-150],
    });
  });

  it('casts booleans', () => {
    expect(compile('urgent = TRUE')).toEqual({ sql: 't.urgent = $1::boolean', values: [true] });
  });

  it('casts TIMESTAMP to timestamptz and DATE to date', () => {
    expect(compile("reported_at > TIMESTAMP('2026-06-01T08:00:00Z')")).toEqual({
      sql: 't.reported_at > $1::timestamptz',
      values: ['2026-06-01T08:00:00Z'],
    });
    expect(compile("reported_at <= DATE('2026-06-01')")).toEqual({
      sql: 't.reported_at <= $1::date',
      values: ['2026-06-01'],
    });
  });

  it('accepts a plain RFC 3339 string for a datetime property', () => {
    expect(compile("reported_at = '2026-06-01T08:00:00Z'").sql).toBe(
      't.reported_at = $1::timestamptz',
    );
  });

  it('compares two properties', () => {
    expect(compile('households > population')).toEqual({
      sql: 't.households > t.population',
      values: [],
    });
  });

  it('compares a value on the left with a property', () => {
    expect(compile('10 <= households').sql).toBe('$1::bigint <= t.households');
  });

  it('compares two values by their own types', () => {
    expect(compile("'a' = 'a'").sql).toBe('$1::text = $2::text');
    expect(compile('1 < 2').sql).toBe('$1::double precision < $2::double precision');
  });

  it('compiles a boolean literal filter to a parameter', () => {
    expect(compile('TRUE')).toEqual({ sql: '$1::boolean', values: [true] });
  });
});

describe('compileCql2 logic and advanced comparisons', () => {
  it('groups AND and OR in parentheses and wraps NOT', () => {
    expect(compile("NOT status = 'closed' AND households > 1 OR urgent = true").sql).toBe(
      '((NOT (t.status = $1::text) AND t.households > $2::bigint) OR t.urgent = $3::boolean)',
    );
  });

  it('passes a LIKE pattern as a parameter, wildcards intact', () => {
    expect(compile("name LIKE 'Elm_%'")).toEqual({
      sql: 't.name LIKE $1::text',
      values: ['Elm_%'],
    });
  });

  it('negates NOT LIKE', () => {
    expect(compile("name NOT LIKE 'A%'").sql).toBe('NOT (t.name LIKE $1::text)');
  });

  it('compiles BETWEEN with bounds cast to the property type', () => {
    expect(compile('households BETWEEN 1 AND 5')).toEqual({
      sql: '(t.households BETWEEN $1::bigint AND $2::bigint)',
      values: [1, 5],
    });
  });

  it('compiles BETWEEN with property bounds', () => {
    expect(compile('households BETWEEN 0 AND population').sql).toBe(
      '(t.households BETWEEN $1::bigint AND t.population)',
    );
  });

  it('compiles IN with one parameter per item', () => {
    expect(compile("status IN ('reported', 'closed')")).toEqual({
      sql: 't.status IN ($1::text, $2::text)',
      values: ['reported', 'closed'],
    });
  });

  it('compiles NOT IN as a negation', () => {
    expect(compile('households NOT IN (1, 2)').sql).toBe(
      'NOT (t.households IN ($1::bigint, $2::bigint))',
    );
  });

  it('compiles IS NULL and IS NOT NULL, geometry included', () => {
    expect(compile('name IS NULL').sql).toBe('t.name IS NULL');
    expect(compile('geom IS NOT NULL').sql).toBe('NOT (t.geom IS NULL)');
  });
});

describe('compileCql2 spatial functions', () => {
  it('compiles a WKT literal to ST_GeomFromText with canonical WKT', () => {
    expect(compile('S_INTERSECTS(geom, POINT( 7.02   49.92 ))')).toEqual({
      sql: 'ST_Intersects(t.geom, ST_GeomFromText($1, 4326))',
      values: ['POINT(7.02 49.92)'],
    });
  });

  it('maps each function to its index-aware PostGIS function', () => {
    const expected = {
      S_EQUALS: 'ST_Equals',
      S_TOUCHES: 'ST_Touches',
      S_WITHIN: 'ST_Within',
      S_OVERLAPS: 'ST_Overlaps',
      S_CROSSES: 'ST_Crosses',
      S_CONTAINS: 'ST_Contains',
    };
    for (const [name, fn] of Object.entries(expected)) {
      expect(compile(`${name}(geom, POINT(1 2))`).sql).toBe(
        `${fn}(t.geom, ST_GeomFromText($1, 4326))`,
      );
    }
  });

  it('compiles S_DISJOINT as NOT ST_Intersects', () => {
    expect(compile('S_DISJOINT(geom, POINT(1 2))').sql).toBe(
      'NOT ST_Intersects(t.geom, ST_GeomFromText($1, 4326))',
    );
  });

  it('keeps the argument order when the literal comes first', () => {
    expect(compile('S_WITHIN(POINT(1 2), geom)').sql).toBe(
      'ST_Within(ST_GeomFromText($1, 4326), t.geom)',
    );
  });

  it('compiles BBOX to ST_MakeEnvelope with four parameters', () => {
    expect(compile('S_INTERSECTS(geom, BBOX(0, 40, 10, 50))')).toEqual({
      sql:
        'ST_Intersects(t.geom, ST_MakeEnvelope($1::double precision, $2::double precision, ' +
        '$3::double precision, $4::double precision, 4326))',
      values: [0, 40, 10, 50],
    });
  });

  it('splits a BBOX crossing the antimeridian into two envelopes', () => {
    const { sql, values } = compile('S_INTERSECTS(geom, BBOX(150, -90, -150, 90))');
    expect(sql).toMatch(
      /^ST_Intersects\(t\.geom, ST_Collect\(ST_MakeEnvelope\(.*\), ST_MakeEnvelope/,
    );
    expect(values).toEqual([150, -90, 180, 90, -180, -90, -150, 90]);
  });

  it('uses the 2D edges of a 6-number BBOX', () => {
    expect(compile('S_INTERSECTS(geom, BBOX(0, 40, -5, 10, 50, 5))').values).toEqual([
      0, 40, 10, 50,
    ]);
  });

  it('re-serialises every geometry type as 2D WKT', () => {
    const cases: Record<string, string> = {
      'LINESTRING(0 40, 10 50)': 'LINESTRING(0 40,10 50)',
      'POLYGON Z ((0 0 1, 1 0 1, 1 1 1, 0 0 1))': 'POLYGON((0 0,1 0,1 1,0 0))',
      'MULTIPOINT(7 50, 10 51)': 'MULTIPOINT((7 50),(10 51))',
      'MULTILINESTRING((0 0, 1 1), (2 2, 3 3))': 'MULTILINESTRING((0 0,1 1),(2 2,3 3))',
      'MULTIPOLYGON(((0 0,1 0,1 1,0 0)))': 'MULTIPOLYGON(((0 0,1 0,1 1,0 0)))',
      'GEOMETRYCOLLECTION(POINT(1 2), POINT Z (3 4 5))':
        'GEOMETRYCOLLECTION(POINT(1 2),POINT(3 4))',
    };
    for (const [wkt, canonical] of Object.entries(cases)) {
      expect(compile(`S_INTERSECTS(geom, ${wkt})`).values).toEqual([canonical]);
    }
  });
});

describe('compileCql2 S_DWITHIN', () => {
  it('pairs an index-usable degree test with the exact geography test', () => {
    const { sql, values } = compile('S_DWITHIN(geom, POINT(117.1 36.6), 500)');
    expect(sql).toBe(
      '(ST_DWithin(t.geom, ST_GeomFromText($1, 4326), $2::double precision) AND ' +
        'ST_DWithin(t.geom::geography, ST_GeomFromText($1, 4326)::geography, $3::double precision))',
    );
    expect(values[0]).toBe('POINT(117.1 36.6)');
    expect(values[2]).toBe(500);
  });

  it('over-estimates the metres in degrees at the literal latitude', () => {
    const degrees = compile('S_DWITHIN(geom, POINT(117.1 36.6), 500)').values[1] as number;
    const atLatitude = 500 / (111_320 * Math.cos((36.6 * Math.PI) / 180));
    expect(degrees).toBeGreaterThan(atLatitude);
    expect(degrees).toBeLessThan(atLatitude * 1.02);
  });

  it('over-estimates a north-south distance at the equator', () => {
    const degrees = compile('S_DWITHIN(geom, POINT(0 0), 1000)').values[1] as number;
    expect(degrees).toBeGreaterThanOrEqual(1000 / 110_574);
  });

  it('stops pruning near the poles', () => {
    const degrees = compile('S_DWITHIN(geom, POINT(0 89), 1000)').values[1] as number;
    expect(degrees).toBeGreaterThan(360);
  });

  it('needs a geometry property first and a literal second', () => {
    expect(compileError('S_DWITHIN(POINT(1 2), geom, 5)').message).toContain('first argument');
    expect(compileError('S_DWITHIN(geom, geom, 5)').message).toContain('literal');
  });
});

describe('compileCql2 validation errors', () => {
  it('names an unknown property and lists the queryables', () => {
    const error = compileError('colour = 1');
    expect(error.message).toContain("Unknown property 'colour'");
    expect(error.message).toContain('status, households, population');
    expect(error.issues).toEqual([{ path: 'filter', message: error.message }]);
  });

  it('does not resolve inherited object keys as properties', () => {
    expect(compileError('constructor = 1').message).toContain("Unknown property 'constructor'");
    expect(compileError('"__proto__" = 1').message).toContain('Unknown property');
  });

  it('rejects a string for an integer property', () => {
    expect(compileError("households = 'ten'").message).toBe(
      "Property 'households' is an integer: expected a number but found a string.",
    );
  });

  it('rejects a number for a string property', () => {
    expect(compileError('name = 3').message).toContain("Property 'name' is a string");
  });

  it('rejects TIMESTAMP for a non-datetime property', () => {
    expect(compileError("households > TIMESTAMP('2026-01-01T00:00:00Z')").message).toContain(
      "Property 'households' is an integer",
    );
  });

  it('rejects a number or a non-ISO string for a datetime property', () => {
    expect(compileError('reported_at > 5').message).toContain(
      "Property 'reported_at' is a datetime",
    );
    expect(compileError("reported_at > 'yesterday'").message).toContain('TIMESTAMP');
  });

  it('rejects comparing a geometry property', () => {
    expect(compileError("geom = 'x'").message).toContain('spatial function');
  });

  it('rejects a spatial function on a non-geometry property', () => {
    expect(compileError('S_INTERSECTS(status, POINT(1 2))').message).toBe(
      "S_INTERSECTS needs a geometry property, but 'status' is a string.",
    );
  });

  it('rejects LIKE on a non-string property', () => {
    expect(compileError("households LIKE '1%'").message).toBe(
      "LIKE needs a string property, but 'households' is an integer.",
    );
  });

  it('rejects a value outside an enum and lists the allowed ones', () => {
    expect(compileError("status = 'open'").message).toBe(
      "Invalid value 'open' for property 'status'. Allowed values: reported, closed.",
    );
    expect(compileError("status IN ('reported', 'open')").message).toContain('open');
  });

  it('rejects comparing properties of different types', () => {
    expect(compileError('name = households').message).toContain("Property 'name' is a string");
  });
});

describe('compileCql2 safety', () => {
  it('keeps hostile text out of the SQL and passes it intact as a parameter', () => {
    const { sql, values } = compile("name = 'x''; DROP TABLE grids; --'");
    expect(sql).toBe('t.name = $1::text');
    expect(values).toEqual(["x'; DROP TABLE grids; --"]);
  });

  it('never copies literal text into the SQL', () => {
    const { sql } = compile(
      "name LIKE '%DROP%' OR S_INTERSECTS(geom, POINT(1 2)) OR reported_at = DATE('2026-01-01')",
    );
    expect(sql).not.toMatch(/DROP|POINT|2026|'/);
  });
});

describe('CQL2_CONFORMANCE', () => {
  it('declares text encoding, basic CQL2, comparisons, spatial and property-property classes', () => {
    const base = 'http://www.opengis.net/spec/cql2/1.0/conf/';
    expect(CQL2_CONFORMANCE.map((uri) => uri.replace(base, ''))).toEqual([
      'cql2-text',
      'basic-cql2',
      'advanced-comparison-operators',
      'basic-spatial-functions',
      'basic-spatial-functions-plus',
      'spatial-functions',
      'property-property',
    ]);
  });
});
