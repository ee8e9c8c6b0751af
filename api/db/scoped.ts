import type pg from 'pg';
import { roleAllows } from '../domain/permissions';
import type { Principal } from '../domain/principal';
import { scopePatterns } from '../domain/scopes';
import { inTransaction } from './transaction';

/** A connection inside a scoped transaction; repositories take it like a pool. */
export type ScopedClient = pg.PoolClient;

/**
 * Runs `work` in a transaction as the role `yiping_app` with the caller's area scope set, so
 * PostgreSQL's row-level security hides rows outside the scope and refuses writes to them —
 * whatever SQL `work` runs. Contacts are unmasked only for roles with `contacts:read`.
 * Settings are transaction-local: nothing leaks to the next user of the pooled connection.
 */
export async function withScope<T>(
  pool: pg.Pool,
  principal: Principal,
  work: (client: ScopedClient) => Promise<T>,
): Promise<T> {
  return inTransaction(pool, async (client) => {
    await client.query(
      `SELECT set_config('role', 'yiping_app', true),
                set_config('yiping.scope_patterns', $1, true),
                set_config('yiping.contacts', $2, true)`,
      [
        scopePatterns(principal.scopes).join(','),
        roleAllows(principal.role, 'contacts:read') ? 'full' : 'masked',
      ],
    );
    return work(client);
  });
}

/** Runs scoped work for a caller; the only database access layer routes receive. */
export type ScopedRunner = <T>(
  principal: Principal,
  work: (client: ScopedClient) => Promise<T>,
) => Promise<T>;

/** Binds `withScope` to a pool, so routers get scoped access without the owner pool. */
export function scopedRunner(pool: pg.Pool): ScopedRunner {
  return (principal, work) => withScope(pool, principal, work);
}
