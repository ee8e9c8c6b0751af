import type pg from 'pg';
import { queryRow, type Queryable } from './queryable';

/** Tables the demo seed fills, children before parents (for TRUNCATE order clarity). */
export const SEEDED_TABLES = [
  'idempotency_keys',
  'incident_code_days',
  'incident_events',
  'incidents',
  'iot_devices',
  'service_points',
  'cameras',
  'buildings',
  'roads',
  'water_areas',
  'grid_member_grids',
  'grids',
  'grid_members',
  'admin_areas',
] as const;

/** Tables whose identity sequence must move past explicitly inserted ids. */
const IDENTITY_TABLES = ['water_areas', 'roads', 'buildings', 'incidents'] as const;

export type SeedState =
  | { state: 'none' }
  | { state: 'running'; scale: string; seed: number; startedAt: string }
  | { state: 'done'; scale: string; seed: number; finishedAt: string };

/** What the data directory or server holds: nothing, a seed in progress (or interrupted), or a finished seed. */
export async function readSeedState(db: Queryable): Promise<SeedState> {
  const row = await queryRow<{ value: SeedState }>(
    db,
    `SELECT value FROM yiping_meta WHERE key = 'seed'`,
  );
  return row?.value ?? { state: 'none' };
}

/** Records the seed's state in `yiping_meta` (replacing the previous one). */
export async function writeSeedState(db: Queryable, value: SeedState): Promise<void> {
  await db.query(
    `INSERT INTO yiping_meta (key, value) VALUES ('seed', $1)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [JSON.stringify(value)],
  );
}

/** Empties every seeded table, so an interrupted seed can start again from a clean slate. */
export async function clearSeededData(pool: pg.Pool): Promise<void> {
  await pool.query(`TRUNCATE ${SEEDED_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
}

/** After a bulk load: move identity sequences past the loaded ids and refresh planner statistics. */
export async function finishBulkLoad(pool: pg.Pool): Promise<void> {
  for (const table of IDENTITY_TABLES) {
    await pool.query(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT max(id) FROM ${table}), 1))`,
    );
  }
  await pool.query(`ANALYZE ${SEEDED_TABLES.join(', ')}`);
}
