import type pg from 'pg';
import type {
  LoginAttempt,
  LoginDecision,
  LoginFailure,
  LoginRefusal,
} from '../domain/login-throttle';
import { inTransaction } from './transaction';

/**
 * Failed log-ins (`login_failures`), the state of the log-in throttle, shared by every API
 * instance. The decision itself is the caller's (api/domain/login-throttle.ts).
 */

/** First keys of the two-key advisory locks per address and per account (see api/db/iot.ts). */
const ADDRESS_LOCK_SPACE = 7405923;
const ACCOUNT_LOCK_SPACE = 7405924;

/** How far back to read: the address's failures and the account's. */
export interface FailureHorizons {
  addressSince: Date;
  accountSince: Date;
}

/** The outcome of `reserveLoginAttempt`: refused, or allowed with the row that stands for it. */
export type LoginReservation = { refused: LoginRefusal } | { id: number };

/**
 * Reads the recent failures of the attempt's address and account, asks `decide`, and when it
 * allows, records the attempt as a failure at once — before the password is checked — so that
 * guesses sent together, to any instance, count against each other. Advisory locks on the
 * address and the account (always in that order) serialise the read and the write.
 * `forgiveLoginAttempt` removes the row again when the log-in succeeds.
 */
export async function reserveLoginAttempt(
  pool: pg.Pool,
  attempt: LoginAttempt,
  at: Date,
  horizons: FailureHorizons,
  decide: (failures: LoginFailure[]) => LoginDecision,
): Promise<LoginReservation> {
  return inTransaction(pool, async (client) => {
    await lockAttempt(client, attempt);
    const decision = decide(await readFailures(client, attempt, horizons));
    if (!decision.allowed) return { refused: decision };
    const inserted = await client.query<{ id: number }>(
      'INSERT INTO login_failures (at, address, account) VALUES ($1, $2, $3) RETURNING id',
      [at.toISOString(), attempt.address, attempt.account],
    );
    return { id: inserted.rows[0]!.id };
  });
}

async function lockAttempt(client: pg.PoolClient, attempt: LoginAttempt): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
    ADDRESS_LOCK_SPACE,
    attempt.address,
  ]);
  if (attempt.account === null) return;
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
    ACCOUNT_LOCK_SPACE,
    attempt.account,
  ]);
}

async function readFailures(
  client: pg.PoolClient,
  attempt: LoginAttempt,
  horizons: FailureHorizons,
): Promise<LoginFailure[]> {
  // UNION on the id: a failure of the pair is read once, failures at one instant all count.
  const result = await client.query<{ at: Date; address: string; account: string | null }>(
    `SELECT id, at, address, account FROM login_failures WHERE address = $1 AND at > $2
     UNION
     SELECT id, at, address, account FROM login_failures WHERE account = $3 AND at > $4`,
    [
      attempt.address,
      horizons.addressSince.toISOString(),
      attempt.account,
      horizons.accountSince.toISOString(),
    ],
  );
  return result.rows.map((row) => ({
    at: new Date(row.at),
    address: row.address,
    account: row.account,
  }));
}

/**
 * A log-in succeeded: its reserved row goes, and with a password log-in every earlier failure of
 * the account (from any address, so also the pair's).
 */
export async function forgiveLoginAttempt(
  pool: pg.Pool,
  id: number,
  account: string | null,
): Promise<void> {
  await pool.query('DELETE FROM login_failures WHERE id = $1 OR account = $2', [id, account]);
}

/** Forgets failures from before `before`; no rule looks back that far. */
export async function pruneLoginFailures(pool: pg.Pool, before: Date): Promise<void> {
  await pool.query('DELETE FROM login_failures WHERE at < $1', [before.toISOString()]);
}
