import type pg from 'pg';
import { bellmanFordCoverage } from './bellman-ford';
import { hasPgRouting, pgRoutingCoverage, pgRoutingVersion } from './pgrouting';
import { buildSqlNetwork, dropSqlNetwork, type SqlCoverage, type SqlNetwork } from './sql-network';

/** One SQL computation of a category's coverage the engine is measured against. */
export interface SqlBaseline {
  name: string;
  coverage(category: string, distance: number): Promise<SqlCoverage>;
}

/** The SQL baselines over one SQL network, on one dedicated connection. */
export interface SqlBaselines {
  baselines: SqlBaseline[];
  network: SqlNetwork;
  /** Milliseconds to build the SQL network once (excluded from every timing). */
  setupMs: number;
  /** Why pgRouting is not among the baselines, if it is not. */
  missing: string | null;
  close(): Promise<void>;
}

/**
 * pgRouting when the extension is installed, and plain-SQL Bellman–Ford always, both over the
 * same SQL network built here once. Closing ends the connection, which drops its temporary
 * tables.
 */
export async function openSqlBaselines(pool: pg.Pool): Promise<SqlBaselines> {
  const client = await pool.connect();
  try {
    const routing = await hasPgRouting(client);
    const start = performance.now();
    const network = await buildSqlNetwork(client);
    const setupMs = performance.now() - start;
    const baselines: SqlBaseline[] = [];
    if (routing) {
      baselines.push({
        name: `pgRouting ${await pgRoutingVersion(client)}`,
        coverage: (category, distance) => pgRoutingCoverage(client, category, distance),
      });
    }
    baselines.push({
      name: 'SQL Bellman–Ford',
      coverage: (category, distance) => bellmanFordCoverage(client, category, distance),
    });
    return {
      baselines,
      network,
      setupMs,
      missing: routing ? null : 'pgRouting is not installed in this database',
      async close() {
        await dropSqlNetwork(client).catch(() => undefined);
        client.release(true);
      },
    };
  } catch (error) {
    client.release(true);
    throw error;
  }
}
