import type pg from 'pg';
import { roleAllows } from '../domain/permissions';
import type { Principal } from '../domain/principal';
import { scopeBounds } from '../domain/scopes';
import { inTransaction } from './transaction';

/** A connection inside a scoped transaction; repositories take it like a pool. */
export type ScopedClient = pg.PoolClient;

/**
 * The statement that opens a scoped transaction: BEGIN and every setting in one round trip (a
 * simple-protocol query of two statements; values are quoted literals, since that protocol
 * takes no parameters). The role is `yiping_app`, so row-level security applies; the scope is
 * the index range and recheck patterns of migration 0014; contacts are unmasked only for roles
 * with `contacts:read`. Every setting is transaction-local: nothing leaks to the next user.
 */
export function scopedBegin(principal: Principal, quote: (value: string) => string): string {
  const bounds = scopeBounds(principal.scopes);
  const settings: [string, string][] = [
    ['role', 'yiping_app'],
    ['yiping.scope_lo', bounds.lo ?? ''],
    ['yiping.scope_hi', bounds.hi ?? ''],
    ['yiping.scope_exact', bounds.exact ? 'on' : 'off'],
    ['yiping.scope_patterns', bounds.patterns.join(',')],
    ['yiping.contacts', roleAllows(principal.role, 'contacts:read') ? 'full' : 'masked'],
  ];
  const calls = settings.map(([name, value]) => `set_config('${name}', ${quote(value)}, true)`);
  return `BEGIN; SELECT ${calls.join(', ')}`;
}

/**
 * Runs `work` in a transaction as the role `yiping_app` with the caller's area scope set, so
 * PostgreSQL's row-level security hides rows outside the scope and refuses writes to them —
 * whatever SQL `work` runs. Two round trips beside `work`: BEGIN with the settings, and COMMIT.
 */
export async function withScope<T>(
  pool: pg.Pool,
  principal: Principal,
  work: (client: ScopedClient) => Promise<T>,
): Promise<T> {
  return inTransaction(pool, work, (client) =>
    client.query(scopedBegin(principal, (value) => client.escapeLiteral(value))),
  );
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
