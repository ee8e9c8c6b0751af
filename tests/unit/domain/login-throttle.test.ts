import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideLogin,
  type LoginAttempt,
  type LoginFailure,
  type LoginThrottlePolicy,
} from '../../../api/domain/login-throttle';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

const POLICY: LoginThrottlePolicy = {
  pairFreeFailures: 5,
  accountFreeFailures: 10,
  firstDelayMs: MINUTE,
  maxDelayMs: 15 * MINUTE,
  addressFailures: 300,
  addressWindowMs: 15 * MINUTE,
  memoryMs: 24 * 60 * MINUTE,
};

const T0 = Date.parse('2026-06-01T08:00:00Z');
const at = (ms: number) => new Date(T0 + ms);
const ALICE: LoginAttempt = { address: '10.0.0.1', account: 'alice' };

function failures(attempt: LoginAttempt, times: number[]): LoginFailure[] {
  return times.map((ms) => ({ ...attempt, at: at(ms) }));
}

/** Milliseconds until allowed; 0 when allowed now. */
function wait(
  policy: LoginThrottlePolicy,
  attempt: LoginAttempt,
  past: LoginFailure[],
  ms: number,
) {
  const decision = decideLogin(policy, attempt, past, at(ms));
  return decision.allowed ? 0 : decision.retryAfterMs;
}

describe('decideLogin', () => {
  it('lets the free failures through, then waits 1, 2, 4, 8 and at most 15 minutes', () => {
    const waits = [];
    for (let n = 0; n <= 11; n++)
      waits.push(wait(POLICY, ALICE, failures(ALICE, Array(n).fill(0)), 0) / MINUTE);
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 15, 15, 15]);
  });

  it('counts the wait from the last failure', () => {
    const past = failures(ALICE, [0, 0, 0, 0, 20 * SECOND]);
    expect(wait(POLICY, ALICE, past, 30 * SECOND)).toBe(50 * SECOND);
  });

  it('holds the account back from any address after its own free failures', () => {
    const spread = Array.from({ length: 10 }, (_, i) => ({
      address: `10.0.1.${i}`,
      account: 'alice',
      at: at(0),
    }));
    expect(wait(POLICY, { address: '10.0.2.1', account: 'alice' }, spread, 0)).toBe(MINUTE);
    expect(wait(POLICY, { address: '10.0.2.1', account: 'bob' }, spread, 0)).toBe(0);
  });

  it('leaves other accounts and addresses alone when one pair is held back', () => {
    const past = failures(ALICE, [0, 0, 0, 0, 0, 0]);
    expect(wait(POLICY, ALICE, past, 0)).toBe(2 * MINUTE);
    expect(wait(POLICY, { ...ALICE, account: 'bob' }, past, 0)).toBe(0);
    expect(wait(POLICY, { ...ALICE, address: '10.0.0.2' }, past, 0)).toBe(0);
  });

  it('forgets failures after the memory period', () => {
    // Five failures a day ago and one just now: the sixth would mean 2 minutes, but the five
    // are forgotten in 30 s, and one failure alone is free.
    const recent = POLICY.memoryMs - 30 * SECOND;
    const past = failures(ALICE, [0, 0, 0, 0, 0, recent]);
    expect(wait(POLICY, ALICE, past, recent)).toBe(30 * SECOND);
    expect(wait(POLICY, ALICE, past, POLICY.memoryMs)).toBe(0);
  });

  it('limits an address by a sliding count, until its oldest failure ages out', () => {
    const policy = { ...POLICY, addressFailures: 3 };
    const past = [0, MINUTE, 2 * MINUTE].map((ms, i) => ({
      address: '10.0.0.9',
      account: `user${i}`,
      at: at(ms),
    }));
    const next = { address: '10.0.0.9', account: 'carol' };
    expect(decideLogin(policy, next, past, at(3 * MINUTE))).toEqual({
      allowed: false,
      limit: 'address',
      retryAfterMs: 12 * MINUTE,
    });
    expect(wait(policy, next, past, 15 * MINUTE)).toBe(0);
    expect(wait(policy, { ...next, account: null }, past, 3 * MINUTE)).toBe(12 * MINUTE);
  });

  it('names the limit that holds the attempt back longest', () => {
    const past = failures(ALICE, Array(10).fill(0));
    expect(decideLogin(POLICY, ALICE, past, at(0))).toMatchObject({ limit: 'pair' });
    const elsewhere = { ...ALICE, address: '10.0.0.2' };
    expect(decideLogin(POLICY, elsewhere, past, at(0))).toMatchObject({ limit: 'account' });
  });
});

/** A random policy, small enough that schedules reach the caps. */
const policyArb: fc.Arbitrary<LoginThrottlePolicy> = fc
  .record({
    pairFreeFailures: fc.integer({ min: 1, max: 6 }),
    extraAccountFree: fc.integer({ min: 0, max: 6 }),
    firstDelayMs: fc.integer({ min: 1, max: 60 * SECOND }),
    capFactor: fc.integer({ min: 1, max: 64 }),
    addressFailures: fc.integer({ min: 1, max: 40 }),
    addressWindowMs: fc.integer({ min: SECOND, max: 15 * MINUTE }),
    memoryMs: fc.integer({ min: MINUTE, max: 2 * 60 * MINUTE }),
  })
  .map((p) => ({
    pairFreeFailures: p.pairFreeFailures,
    accountFreeFailures: p.pairFreeFailures + p.extraAccountFree,
    firstDelayMs: p.firstDelayMs,
    maxDelayMs: p.firstDelayMs * p.capFactor,
    addressFailures: p.addressFailures,
    addressWindowMs: p.addressWindowMs,
    memoryMs: p.memoryMs,
  }));

interface Guess {
  gapMs: number;
  address: string;
  account: string | null;
}

/** Guesses: gaps in milliseconds (many of them zero) from 3 addresses at 2 accounts. */
const scheduleArb: fc.Arbitrary<Guess[]> = fc.array(
  fc.record({
    gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 * MINUTE })),
    address: fc.constantFrom('a', 'b', 'c'),
    account: fc.constantFrom('x', 'y', null),
  }),
  { maxLength: 120, size: 'max' },
);

/**
 * Most tries one key can get through in any window of `windowMs` (at most the memory): the
 * n-th try inside the window comes at least delay(n − 1) after the one before it.
 */
function mostTriesWithin(policy: LoginThrottlePolicy, free: number, windowMs: number): number {
  let tries = 1;
  let spent = 0;
  for (;;) {
    // Every earlier try inside the window is still remembered: at least `tries` failures count.
    const delay =
      tries < free ? 0 : Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (tries - free));
    if (spent + delay >= windowMs) return tries;
    spent += delay;
    tries += 1;
  }
}

/** Every guess that got through is a failure; returns them with the time each was tried. */
function play(policy: LoginThrottlePolicy, schedule: Guess[]) {
  const through: LoginFailure[] = [];
  let now = T0;
  for (const guess of schedule) {
    now += guess.gapMs;
    const attempt = { address: guess.address, account: guess.account };
    if (decideLogin(policy, attempt, through, new Date(now)).allowed)
      through.push({ ...attempt, at: new Date(now) });
  }
  return through;
}

/** The largest number of `times` in any half-open window [s, s + windowMs). */
function densest(times: number[], windowMs: number): number {
  let best = 0;
  for (const start of times)
    best = Math.max(best, times.filter((t) => t >= start && t < start + windowMs).length);
  return best;
}

describe('decideLogin properties', () => {
  it('lets no schedule of guesses get more tries through in any window than the policy allows', () => {
    fc.assert(
      fc.property(
        policyArb,
        scheduleArb,
        fc.integer({ min: SECOND, max: 15 * MINUTE }),
        (policy, schedule, anyWindowMs) => {
          // The bound holds for windows up to the memory (older failures are forgotten).
          const windowMs = Math.min(anyWindowMs, policy.memoryMs);
          const through = play(policy, schedule);
          const times = (keep: (f: LoginFailure) => boolean) =>
            through.filter(keep).map((f) => f.at.getTime());
          for (const address of ['a', 'b', 'c']) {
            expect(
              densest(
                times((f) => f.address === address),
                policy.addressWindowMs,
              ),
            ).toBeLessThanOrEqual(policy.addressFailures);
            for (const account of ['x', 'y']) {
              const pair = times((f) => f.address === address && f.account === account);
              expect(densest(pair, windowMs)).toBeLessThanOrEqual(
                mostTriesWithin(policy, policy.pairFreeFailures, windowMs),
              );
            }
          }
          for (const account of ['x', 'y']) {
            const ofAccount = times((f) => f.account === account);
            expect(densest(ofAccount, windowMs)).toBeLessThanOrEqual(
              mostTriesWithin(policy, policy.accountFreeFailures, windowMs),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('allows exactly when Retry-After says, not a millisecond earlier', () => {
    const historyArb = fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 3 * 60 * MINUTE }).map(at),
        address: fc.constantFrom('a', 'b'),
        account: fc.constantFrom('x', 'y', null),
      }),
      { maxLength: 80, size: 'max' },
    );
    fc.assert(
      fc.property(
        policyArb,
        historyArb,
        fc.integer({ min: 0, max: 4 * 60 * MINUTE }),
        (policy, history, nowMs) => {
          for (const attempt of [
            { address: 'a', account: 'x' },
            { address: 'b', account: null },
          ]) {
            const decision = decideLogin(policy, attempt, history, at(nowMs));
            if (decision.allowed) continue;
            expect(decision.retryAfterMs).toBeGreaterThan(0);
            const ready = nowMs + decision.retryAfterMs;
            expect(decideLogin(policy, attempt, history, at(ready)).allowed).toBe(true);
            expect(decideLogin(policy, attempt, history, at(ready - 1)).allowed).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the documented default at most 8 tries per pair and 13 per account in 15 minutes', () => {
    expect(mostTriesWithin(POLICY, POLICY.pairFreeFailures, 15 * MINUTE)).toBe(8);
    expect(mostTriesWithin(POLICY, POLICY.accountFreeFailures, 15 * MINUTE)).toBe(13);
  });
});
