import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../api/db/schema';
import { useTestDatabase } from '../support/db';

const db = useTestDatabase();

const tables = Object.values(schema).filter((value) => is(value, PgTable)) as PgTable[];

describe('drizzle schema', () => {
  it.each(tables.map((table) => [getTableConfig(table).name, table] as const))(
    'matches the migrated table %s column for column',
    async (name, table) => {
      const result = await db().pool.query<{ column_name: string; is_nullable: string }>(
        `SELECT column_name, is_nullable FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`,
        [name],
      );
      const inDatabase = result.rows.map(
        (row) => `${row.column_name}${row.is_nullable === 'NO' ? '!' : ''}`,
      );
      const inSchema = getTableConfig(table)
        .columns.map((column) => `${column.name}${column.notNull ? '!' : ''}`)
        .sort();
      expect(inSchema).toEqual(inDatabase);
    },
  );
});
