import type pg from 'pg';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Parameters per statement stay well under PostgreSQL's 65,535 limit. */
const MAX_PARAMETERS = 30_000;

function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain identifier: ${name}`);
  return `"${name}"`;
}

/**
 * Inserts rows with multi-row parameterised INSERT statements (about 1,000 rows each; COPY
 * through pglite-socket loses protocol sync, see DESIGN §5). Column names come from the first
 * row; a `geom` value is GeoJSON and becomes a 4326 geometry. Each statement commits on its own,
 * so a long load never holds the embedded database's single transaction slot.
 */
export async function insertRows(
  pool: pg.Pool,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const perStatement = Math.max(1, Math.min(1000, Math.floor(MAX_PARAMETERS / columns.length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      const slots = columns.map((column) => {
        const value = row[column];
        values.push(column === 'geom' && value !== null ? JSON.stringify(value) : value);
        const slot = `$${values.length}`;
        return column === 'geom' ? `ST_SetSRID(ST_GeomFromGeoJSON(${slot}::text), 4326)` : slot;
      });
      return `(${slots.join(', ')})`;
    });
    await pool.query(
      `INSERT INTO ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) VALUES ${tuples.join(', ')}`,
      values,
    );
  }
}
