/**
 * Log-in throttling as a pure decision: past failures and the clock in, allowed or not (and until
 * when) out. Three keys, each with its own rule:
 *
 * - the address-and-account pair and the account (from any address) get a few failures free, then
 *   a wait after the last failure that doubles with each further failure, up to a cap; failures are
 *   remembered for `memoryMs`. No window edge to guess across, and a lock on one account never
 *   touches another account behind the same address.
 * - the address alone gets a sliding count, high enough for a command center behind one NAT
 *   address: refused while `addressFailures` failures lie within the last `addressWindowMs`.
 */
export interface LoginThrottlePolicy {
  /** Failures of one address-and-account pair before the first wait. */
  pairFreeFailures: number;
  /** Failures of one account, from any address, before the first wait. */
  accountFreeFailures: number;
  /** The first wait; each further failure doubles it … */
  firstDelayMs: number;
  /** … up to this. */
  maxDelayMs: number;
  /** Failures from one address within `addressWindowMs` at which log-in from it is refused. */
  addressFailures: number;
  addressWindowMs: number;
  /** How long the pair and account rules remember a failure. */
  memoryMs: number;
}

/** A log-in attempt: where from and, for a password log-in, which account (lower case). */
export interface LoginAttempt {
  address: string;
  account: string | null;
}

/** One failed log-in. */
export interface LoginFailure extends LoginAttempt {
  at: Date;
}

/** Which rule refused an attempt. */
export type LoginLimit = 'pair' | 'account' | 'address';

/** A refused attempt: which rule, and how long until it allows one. */
export interface LoginRefusal {
  allowed: false;
  limit: LoginLimit;
  retryAfterMs: number;
}

export type LoginDecision = { allowed: true } | LoginRefusal;

/**
 * Whether `attempt` may try a password at `now`, given earlier failures (any may be passed; only
 * those of its address or account count). When refused, `retryAfterMs` is exact: with no new
 * failures the attempt is allowed at `now + retryAfterMs` and not a millisecond before.
 */
export function decideLogin(
  policy: LoginThrottlePolicy,
  attempt: LoginAttempt,
  failures: readonly LoginFailure[],
  now: Date,
): LoginDecision {
  const t = now.getTime();
  const timesOf = (keep: (failure: LoginFailure) => boolean) =>
    failures
      .filter(keep)
      .map((failure) => failure.at.getTime())
      .sort((a, b) => a - b);
  const readyAt: [LoginLimit, number][] = [
    [
      'address',
      addressReadyAt(
        policy,
        timesOf((f) => f.address === attempt.address),
        t,
      ),
    ],
  ];
  if (attempt.account !== null) {
    const account = attempt.account;
    const pair = timesOf((f) => f.account === account && f.address === attempt.address);
    const ofAccount = timesOf((f) => f.account === account);
    readyAt.push(['pair', backoffReadyAt(policy, policy.pairFreeFailures, pair, t)]);
    readyAt.push(['account', backoffReadyAt(policy, policy.accountFreeFailures, ofAccount, t)]);
  }
  const [limit, ready] = readyAt.reduce((latest, next) => (next[1] > latest[1] ? next : latest));
  return ready <= t ? { allowed: true } : { allowed: false, limit, retryAfterMs: ready - t };
}

/** The wait after the last of `count` remembered failures, for a key with `free` free ones. */
export function backoffDelayMs(policy: LoginThrottlePolicy, free: number, count: number): number {
  if (count < free) return 0;
  // The exponent is bounded so that the doubling never overflows to Infinity.
  const doublings = Math.min(count - free, 52);
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** doublings);
}

/**
 * Earliest time ≥ `t` at which a backoff key allows a try. The count only falls as failures age
 * out of the memory, so step from one ageing-out to the next until the wait has passed.
 */
function backoffReadyAt(
  policy: LoginThrottlePolicy,
  free: number,
  sortedTimes: number[],
  t: number,
): number {
  let from = t;
  for (;;) {
    const live = sortedTimes.filter((at) => at > from - policy.memoryMs);
    const last = live.at(-1);
    if (last === undefined) return from;
    const ready = last + backoffDelayMs(policy, free, live.length);
    if (ready <= from) return from;
    const firstAgesOut = live[0]! + policy.memoryMs;
    if (ready <= firstAgesOut) return ready;
    from = firstAgesOut;
  }
}

/** Earliest time ≥ `t` at which fewer than the limit of failures lie within the address window. */
function addressReadyAt(policy: LoginThrottlePolicy, sortedTimes: number[], t: number): number {
  const live = sortedTimes.filter((at) => at > t - policy.addressWindowMs);
  if (live.length < policy.addressFailures) return t;
  return live[live.length - policy.addressFailures]! + policy.addressWindowMs;
}
