import type { ImportTable } from './import-tables';
import { queryRows, type Queryable } from './queryable';

/** One row to write: its columns' values, and `geom` as GeoJSON in WGS84 when the table has one. */
export type ImportRecord = Record<string, unknown>;

/** What writing would do (a dry run) or did. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const BATCH = 1000;

// Stored as SRID 4326 with counter-clockwise outer rings (RFC 7946); the same expression is
// compared with the stored row, so an unchanged geometry compares equal.
const GEOM = 'ST_ForcePolygonCCW(ST_SetSRID(ST_GeomFromGeoJSON(v.geom), 4326))';

function recordset(table: ImportTable): string {
  const columns = table.columns.map((c) => `"${c.name}" ${c.type}`);
  if (table.geometry) columns.push('geom text');
  return `jsonb_to_recordset($1::jsonb) AS v(${columns.join(', ')})`;
}

/**
 * Columns the file does not carry (their values are only fallbacks for new rows): an update
 * neither compares nor overwrites them, so a file without 户数 keeps the stored households.
 */
export type KeptColumns = ReadonlySet<string>;

function rowOf(table: ImportTable, prefix: 'v' | 't', kept: KeptColumns): string {
  const names = table.columns.filter((c) => !kept.has(c.name)).map((c) => `${prefix}."${c.name}"`);
  if (table.geometry) names.push(prefix === 'v' ? GEOM : 't.geom');
  return `(${names.join(', ')})`;
}

function serialise(table: ImportTable, rows: readonly ImportRecord[]): string {
  return JSON.stringify(
    rows.map((r) => (table.geometry ? { ...r, geom: JSON.stringify(r.geom) } : r)),
  );
}

/**
 * Which rows differ from what is stored (compared with IS DISTINCT FROM, geometry included):
 * their keys, and whether each is new. Rows that are the same are neither returned nor written,
 * so a re-import issues no write and bumps no layer version.
 */
export async function diffRows(
  db: Queryable,
  table: ImportTable,
  rows: readonly ImportRecord[],
  kept: KeptColumns = new Set(),
): Promise<{ key: string; isNew: boolean }[]> {
  const changed: { key: string; isNew: boolean }[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const found = await queryRows<{ key: string; is_new: boolean }>(
      db,
      `SELECT v."${table.key}" AS key, t."${table.key}" IS NULL AS is_new
         FROM ${recordset(table)} LEFT JOIN ${table.name} t ON t."${table.key}" = v."${table.key}"
        WHERE t."${table.key}" IS NULL OR ${rowOf(table, 't', kept)} IS DISTINCT FROM ${rowOf(table, 'v', kept)}`,
      [serialise(table, batch)],
    );
    changed.push(...found.map((r) => ({ key: r.key, isNew: r.is_new })));
  }
  return changed;
}

/**
 * Inserts or updates the given rows by key: multi-row INSERT … ON CONFLICT DO UPDATE, 1,000 rows
 * per statement (COPY breaks pglite-socket). Call it with the changed rows only.
 */
export async function upsertRows(
  db: Queryable,
  table: ImportTable,
  rows: readonly ImportRecord[],
  onBatch: (done: number) => void = () => undefined,
  kept: KeptColumns = new Set(),
): Promise<void> {
  const names = table.columns.map((c) => `"${c.name}"`);
  const target = table.geometry ? [...names, 'geom'] : names;
  const values = table.columns.map((c) => `v."${c.name}"`);
  if (table.geometry) values.push(GEOM);
  const updates = target
    .filter((n) => n !== `"${table.key}"` && !kept.has(n.slice(1, -1)))
    .map((n) => `${n} = EXCLUDED.${n}`);
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await db.query(
      `INSERT INTO ${table.name} (${target.join(', ')})
       SELECT ${values.join(', ')} FROM ${recordset(table)}
       ON CONFLICT ("${table.key}") DO UPDATE SET ${updates.join(', ')}`,
      [serialise(table, batch)],
    );
    onBatch(Math.min(rows.length, start + BATCH));
  }
}
