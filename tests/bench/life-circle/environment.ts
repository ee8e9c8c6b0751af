import { cpus, loadavg } from 'node:os';
import type { Database } from '../../../api/db/database';
import { readSeedState } from '../../../api/db/seed-state';
import type { SqlBaselines } from './baseline';

/** The report's first lines: when, on what machine and database, with which data. */
export async function printEnvironment(db: Database, label: string, sql: SqlBaselines) {
  const { rows } = await db.pool.query<{ version: string; buildings: number; people: number }>(
    `SELECT current_setting('server_version') AS version, count(*)::int AS buildings,
            coalesce(sum(population), 0)::int AS people FROM buildings`,
  );
  const server = rows[0]!;
  const seed = await readSeedState(db.pool);
  const cpu = cpus();
  console.log(`15-minute life circle: the engine against SQL, measured in the same run`);
  console.log(
    `  ${new Date().toISOString()}; Node ${process.version}; ${cpu.length} × ` +
      `${cpu[0]?.model.trim() ?? 'CPU'}; load average ${loadavg()[0]!.toFixed(1)} at the start`,
  );
  console.log(
    `  ${label}: PostgreSQL ${server.version}, PostGIS ${db.capabilities.postgisVersion}; ` +
      `baselines: ${sql.baselines.map((b) => b.name).join(', ')}${sql.missing ? ` (${sql.missing})` : ''}`,
  );
  console.log(
    `  data: ${seed.state === 'done' ? `${seed.scale} seed ${seed.seed}` : 'not from the demo seed'}, ` +
      `${server.buildings.toLocaleString('en-US')} buildings, ` +
      `${server.people.toLocaleString('en-US')} residents\n`,
  );
}
