import type { ImportTable } from './import-tables';
import { queryRow, queryRows, type Queryable } from './queryable';

/** Rows of another table (or the same) that still refer to rows a replace would delete. */
export interface StaleReference {
  table: string;
  column: string;
  count: number;
}

/** Keys of stored rows the file lacks: what `replace` deletes. */
export async function staleKeys(
  db: Queryable,
  table: ImportTable,
  keep: readonly string[],
): Promise<(string | null)[]> {
  const rows = await queryRows<{ key: string | null }>(
    db,
    `SELECT "${table.key}" AS key FROM ${table.name}
      WHERE "${table.key}" IS NULL OR "${table.key}" <> ALL($1::text[]) ORDER BY 1`,
    [keep],
  );
  return rows.map((r) => r.key);
}

/**
 * Counts the rows that refer to `keys` through a foreign key without ON DELETE CASCADE (found
 * in the catalogue, so a table added later is covered): incidents and buildings to grids, grids
 * to admin areas … A row of the same table counts only when it stays.
 */
export async function staleReferences(
  db: Queryable,
  table: ImportTable,
  stale: readonly (string | null)[],
): Promise<StaleReference[]> {
  const keys = stale.filter((k): k is string => k !== null);
  if (keys.length === 0) return [];
  const links = await queryRows<{ ref_table: string; ref_column: string }>(
    db,
    `SELECT c.conrelid::regclass::text AS ref_table, a.attname AS ref_column
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.confrelid = $1::regclass AND c.confdeltype <> 'c'
      ORDER BY 1, 2`,
    [table.name],
  );
  const found: StaleReference[] = [];
  for (const link of links) {
    const self = link.ref_table === table.name ? ` AND "${table.key}" <> ALL($1::text[])` : '';
    const row = await queryRow<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM ${link.ref_table} WHERE "${link.ref_column}" = ANY($1::text[])${self}`,
      [keys],
    );
    if (row && row.n > 0)
      found.push({ table: link.ref_table, column: link.ref_column, count: row.n });
  }
  return found;
}

/** Deletes the rows with these keys (a null among them: the rows without a key too). */
export async function deleteKeys(
  db: Queryable,
  table: ImportTable,
  keys: readonly (string | null)[],
): Promise<number> {
  const named = keys.filter((k): k is string => k !== null);
  const unnamed = keys.length > named.length ? ` OR "${table.key}" IS NULL` : '';
  const result = await db.query(
    `DELETE FROM ${table.name} WHERE "${table.key}" = ANY($1::text[])${unnamed}`,
    [named],
  );
  return result.rowCount ?? 0;
}
