import { describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../../api/db/migrate';
import { useTestDatabase } from '../support/db';

const db = useTestDatabase();

const GEOMETRY_COLUMNS = {
  admin_areas: 'MULTIPOLYGON',
  grids: 'POLYGON',
  grid_members: 'POINT',
  cameras: 'POINT',
  service_points: 'POINT',
  buildings: 'POLYGON',
  roads: 'LINESTRING',
  water_areas: 'POLYGON',
  incidents: 'POINT',
  iot_devices: 'POINT',
};

describe('migrations', () => {
  it('are recorded once and re-running them changes nothing', async () => {
    const migrations = await readMigrations();
    expect(await migrate(db().pool, migrations)).toEqual([]);
    const recorded = await db().pool.query(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(recorded.rows.map((row) => row.version)).toEqual(migrations.map((m) => m.version));
  });

  it('refuse to run when an applied migration file was edited', async () => {
    const [first, ...rest] = await readMigrations();
    const edited = { ...first!, checksum: 'edited' };
    await expect(migrate(db().pool, [edited, ...rest])).rejects.toThrow(
      /edited after it was applied/,
    );
  });

  it('create every layer table with a 4326 geom column of the right type and a GiST index', async () => {
    const columns = await db().pool.query<{ table: string; type: string; srid: number }>(
      `SELECT f_table_name AS table, type, srid FROM geometry_columns
       WHERE f_geometry_column = 'geom' AND f_table_schema = 'public'`,
    );
    const found = Object.fromEntries(
      columns.rows.map((row) => [row.table, `${row.type}/${row.srid}`]),
    );
    const expected = Object.fromEntries(
      Object.entries(GEOMETRY_COLUMNS).map(([table, type]) => [table, `${type}/4326`]),
    );
    expect(found).toEqual(expected);
    const indexes = await db().pool.query<{ table: string }>(
      `SELECT tablename AS table FROM pg_indexes
       WHERE schemaname = 'public' AND indexdef ILIKE '%USING gist (geom)%'`,
    );
    expect(indexes.rows.map((row) => row.table).sort()).toEqual(
      Object.keys(GEOMETRY_COLUMNS).sort(),
    );
  });

  it('create the non-spatial tables of the design', async () => {
    const tables = await db().pool.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    const names = tables.rows.map((row) => row.name);
    for (const table of ['grid_member_grids', 'incident_events', 'users', 'api_keys']) {
      expect(names).toContain(table);
    }
  });
});
