import { invalidFilter } from './errors';

/** The type of a queryable property, as the compiler checks and casts it. */
export type QueryableType = 'string' | 'integer' | 'number' | 'boolean' | 'datetime' | 'geometry';

/** A property a filter may name: its trusted SQL expression (e.g. `t.status`) and type. */
export interface Queryable {
  sql: string;
  type: QueryableType;
  /** The only values a string property takes; other values are rejected. */
  enum?: readonly string[];
}

/** What `compileCql2` needs from its caller. */
export interface CompileOptions {
  /** Property name → trusted SQL expression and type. */
  queryables: Readonly<Record<string, Queryable>>;
  /** Stores a value and returns its placeholder (`$3`): the only way values enter the SQL. */
  param: (value: unknown) => string;
}

/** The queryable called `name`, or a 400 that lists the queryables. */
export function lookupQueryable(name: string, options: CompileOptions): Queryable {
  const queryable = Object.hasOwn(options.queryables, name) ? options.queryables[name] : undefined;
  if (queryable) return queryable;
  const known = Object.keys(options.queryables).join(', ');
  throw invalidFilter(`Unknown property '${name}' in filter. Queryable properties: ${known}.`);
}

/** How a type reads in an error message. */
export function typeLabel(type: QueryableType): string {
  return type === 'integer' ? 'an integer' : `a ${type}`;
}
