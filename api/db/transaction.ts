import type pg from 'pg';
import { isConnectionFailure } from './unavailable';

/**
 * Runs `work` inside a transaction on one pooled connection, rolling back if it throws. `begin`
 * opens it (default: BEGIN; the scoped runner sends BEGIN with its settings in the same round
 * trip). After an error the connection is dropped, not reused: through pglite-socket a failed
 * statement inside a transaction could leave a stray reply that the next user would read, and a
 * connection the database dropped must not go back to the pool.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  begin: (client: pg.PoolClient) => Promise<unknown> = (client) => client.query('BEGIN'),
): Promise<T> {
  const client = await pool.connect();
  let failed = false;
  try {
    await begin(client);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failed = true;
    // Over a lost connection there is nothing to roll back (the server does it) and no answer.
    if (!isConnectionFailure(error)) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(failed);
  }
}
