import pg from 'pg';
import { hearCredentialChanges } from './credential-signal';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { migrate, readMigrations } from './migrate';

/**
 * The opened database, for the composition root (api/app.ts, the server, the CLI and the seed):
 * the owner pool and what the server can do. Everything below the root receives the one port
 * it needs instead — a `Queryable`, a scoped runner or a function bound to the pool.
 */
export interface Database {
  pool: pg.Pool;
  kind: 'embedded' | 'server';
  capabilities: Capabilities;
  close(): Promise<void>;
}

export interface Capabilities {
  /** `ST_AsMVT`/`ST_AsMVTGeom` work (PostGIS built with protobuf); otherwise tiles use a JS encoder. */
  mvt: boolean;
  postgisVersion: string;
}

export interface DatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** How long a request waits for a new connection before it fails (503) when the database is away. */
  connectTimeoutMs?: number;
  /**
   * A statement with no answer for this long fails as a lost connection (503) and its
   * connection is dropped; unset, statements wait as long as TCP keeps the connection.
   */
  queryTimeoutMs?: number;
}

/** A request waits this long for a connection while the database is unreachable. */
const CONNECT_TIMEOUT_MS = 5000;

// Return bigint and numeric as JS numbers: ids and counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * Opens the one `pg` Pool the API uses: to `DATABASE_URL` when given, otherwise to an embedded
 * PGlite + PostGIS kept in `dataDir`. Applies pending migrations and detects capabilities once.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const poolSize = options.poolSize ?? 8;
  const common = {
    connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    // TCP keep-alive notices a silently dropped network path on idle connections.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    query_timeout: options.queryTimeoutMs,
  };
  let embedded: EmbeddedPostgres | undefined;
  let pool: pg.Pool;
  if (options.databaseUrl) {
    pool = new pg.Pool({ ...common, connectionString: options.databaseUrl, max: poolSize });
  } else {
    embedded = await startEmbeddedPostgres(options.dataDir, poolSize);
    pool = new pg.Pool({
      ...common,
      host: embedded.host,
      port: embedded.port,
      user: 'postgres',
      database: 'postgres',
      // PGlite is one session: with several connections, pglite-socket interleaved their
      // extended-protocol messages under concurrent requests ("portal does not exist").
      // One connection loses nothing, since PGlite runs one statement at a time anyway.
      max: 1,
    });
  }
  // pg-pool awaits `onConnect` before handing a new connection out; @types/pg types it as void.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  pool.options.onConnect = (client) => hearCredentialChanges(pool, client);
  survive(pool);
  try {
    await requirePostgis(pool);
    await migrate(pool, await readMigrations());
    const capabilities = await detectCapabilities(pool);
    return {
      pool,
      kind: embedded ? 'embedded' : 'server',
      capabilities,
      async close() {
        await pool.end();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
}

/**
 * A connection that breaks (the server restarts, the network is cut, its backend is
 * terminated) emits 'error' on its client; unheard, that ends the process. Idle clients are
 * heard by the pool (which drops them); checked-out ones here — their user sees the failure
 * as the rejected query, or the next one ("not queryable"), and the pool drops them on release.
 */
function survive(pool: pg.Pool): void {
  const ignore = () => undefined;
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
}

async function requirePostgis(pool: pg.Pool): Promise<void> {
  const found = await pool.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'`);
  if (found.rowCount === 0) {
    throw new Error(
      'PostGIS is not installed on this PostgreSQL server. On Debian: apt-get install postgresql-15-postgis-3.',
    );
  }
}

async function detectCapabilities(pool: pg.Pool): Promise<Capabilities> {
  const version = await pool.query<{ v: string }>('SELECT postgis_lib_version() AS v');
  const mvt = await pool
    .query(
      `SELECT ST_AsMVT(t) FROM (SELECT 1 AS id,
         ST_AsMVTGeom(ST_MakePoint(0.5, 0.5), ST_MakeEnvelope(0, 0, 1, 1)) AS geom) t`,
    )
    .then(
      () => true,
      () => false,
    );
  return { mvt, postgisVersion: version.rows[0]?.v ?? 'unknown' };
}
