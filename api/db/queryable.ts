import type pg from 'pg';

/**
 * What a repository function needs to run SQL: the owner pool, a pooled client inside a
 * transaction or a scoped client (api/db/scoped.ts) — all answer `query` the same way. Taking
 * this rather than the whole `Database` keeps each caller's access to the one door it uses.
 */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** The rows of one parameterised statement, typed as the caller's row shape. */
export async function queryRows<Row extends pg.QueryResultRow>(
  db: Queryable,
  text: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  return (await db.query<Row>(text, params as unknown[])).rows;
}

/** The first row of one parameterised statement, or null when it returned none. */
export async function queryRow<Row extends pg.QueryResultRow>(
  db: Queryable,
  text: string,
  params: readonly unknown[] = [],
): Promise<Row | null> {
  return (await queryRows<Row>(db, text, params))[0] ?? null;
}

/**
 * A `timestamptz` value as the API answers it: ISO 8601 in UTC (`2026-11-22T04:00:00.000Z`),
 * whatever the server's `DateStyle`; node-postgres reads the column as a `Date`.
 */
export function isoTime(value: Date): string;
export function isoTime(value: Date | null): string | null;
export function isoTime(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}
