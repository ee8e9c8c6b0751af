import { compileCql2, type Cql2Expression, type Queryable } from '../domain/cql2';
import type { LngLatBox } from '../domain/crs';
import type { Cursor } from '../domain/cursor';
import type { TimeInterval } from '../domain/datetime-interval';
import { type Collection, type CollectionProperty, propertySql } from './collections';
import type { SqlParams } from './sql-params';

export type PropertyValue = string | number | boolean;

/** What narrows a collection's items; every part is optional. */
export interface FeatureFilter {
  bbox?: LngLatBox;
  datetime?: TimeInterval;
  equals: Record<string, PropertyValue>;
  filter?: Cql2Expression;
}

const CAST: Record<CollectionProperty['type'], string> = {
  string: 'text',
  integer: 'bigint',
  number: 'double precision',
  boolean: 'boolean',
  datetime: 'timestamptz',
};

/**
 * The properties a CQL2 filter may name: every plain column (not computed ones such as the
 * masked phone), and the geometry as `geom` or `geometry`.
 */
export function queryablesOf(collection: Collection): Record<string, Queryable> {
  const queryables: Record<string, Queryable> = {};
  for (const property of collection.properties) {
    if (property.sql) continue;
    queryables[property.name] = {
      sql: propertySql(property),
      type: property.type,
      ...(property.enum ? { enum: property.enum } : {}),
    };
  }
  queryables.geom = { sql: 't.geom', type: 'geometry' };
  queryables.geometry = { sql: 't.geom', type: 'geometry' };
  return queryables;
}

/** `&&` lets PostgreSQL use the GiST index; ST_Intersects then checks the shape itself. */
function bboxCondition([west, south, east, north]: LngLatBox, params: SqlParams): string {
  const box = (w: number, e: number) =>
    `ST_MakeEnvelope(${params.add(w)}, ${params.add(south)}, ${params.add(e)}, ${params.add(north)}, 4326)`;
  const one = (envelope: string) =>
    `(t.geom && ${envelope} AND ST_Intersects(t.geom, ${envelope}))`;
  // A west edge east of the east edge crosses the antimeridian: two boxes.
  if (west > east) return `(${one(box(west, 180))} OR ${one(box(-180, east))})`;
  return one(box(west, east));
}

/** SQL conditions (over alias `t`) for a filter; values travel only as parameters. */
export function filterConditions(
  collection: Collection,
  filter: FeatureFilter,
  params: SqlParams,
): string[] {
  const conditions: string[] = [];
  if (filter.bbox) conditions.push(bboxCondition(filter.bbox, params));
  if (filter.datetime && collection.temporalColumn) {
    const column = `t.${collection.temporalColumn}`;
    const { start, end } = filter.datetime;
    if (start) conditions.push(`${column} >= ${params.add(start)}::timestamptz`);
    if (end) conditions.push(`${column} <= ${params.add(end)}::timestamptz`);
  }
  for (const [name, value] of Object.entries(filter.equals)) {
    const property = collection.properties.find((p) => p.name === name);
    if (!property) continue;
    conditions.push(`${propertySql(property)} = ${params.add(value)}::${CAST[property.type]}`);
  }
  if (filter.filter) {
    const sql = compileCql2(filter.filter, {
      queryables: queryablesOf(collection),
      param: (value) => params.add(value),
    });
    conditions.push(`(${sql})`);
  }
  return conditions;
}

/** The keyset condition of a page: keys after (or before) the cursor's. */
export function cursorCondition(collection: Collection, cursor: Cursor, params: SqlParams): string {
  const cast = collection.keyType === 'integer' ? 'bigint' : 'text';
  const op = cursor.direction === 'next' ? '>' : '<';
  return `t.${collection.keyColumn} ${op} ${params.add(cursor.key)}::${cast}`;
}
