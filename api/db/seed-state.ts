import { eq, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Orm } from './database';
import { yipingMeta } from './schema';

/** Tables the demo seed fills, children before parents (for TRUNCATE order clarity). */
export const SEEDED_TABLES = [
  'idempotency_keys',
  'incident_code_counters',
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
export async function readSeedState(orm: Orm): Promise<SeedState> {
  const rows = await orm.select().from(yipingMeta).where(eq(yipingMeta.key, 'seed'));
  return (rows[0]?.value as SeedState | undefined) ?? { state: 'none' };
}

export async function writeSeedState(orm: Orm, value: SeedState): Promise<void> {
  await orm
    .insert(yipingMeta)
    .values({ key: 'seed', value })
    .onConflictDoUpdate({ target: yipingMeta.key, set: { value, updatedAt: sql`now()` } });
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
