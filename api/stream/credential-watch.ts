import { isConnectionFailure } from '../db/unavailable';
import type { Clock } from '../domain/clock';
import type { Principal } from '../domain/principal';
import type { Logger } from '../log';

/** The caller behind `principal`'s key or session, read afresh at `now`; null once not live. */
export type ResolvePrincipal = (principal: Principal, now: Date) => Promise<Principal | null>;

/**
 * Ends live streams whose access has ended. A stream's credential is checked once when it
 * starts watching and again whenever the credential signal reports a change (any instance revoked a
 * key, disabled a user, ended a session or changed a role, scopes or member link); a timer ends
 * it at its key's or session's expiry. A stream whose caller now has other rights ends too, so
 * its client reconnects under the new ones. A check that fails ends the stream, except while the
 * database is away (the stream cannot read events then either): it is tried again shortly.
 */
export interface CredentialWatch {
  /** Calls `end` once when `principal`'s access ends; returns the function that stops watching. */
  watch(principal: Principal, end: () => void): () => void;
}

export interface CredentialWatchDeps {
  /** Where credential changes are heard (api/db/credential-signal.ts, always on). */
  changes: { onCredentialsChanged(listener: () => void): () => void };
  resolve: ResolvePrincipal;
  clock: Clock;
  log: Logger;
}

export function createCredentialWatch(deps: CredentialWatchDeps): CredentialWatch {
  return {
    watch(principal, end) {
      let stopped = false;
      let checking = false;
      let again = false;
      let retry: NodeJS.Timeout | undefined;
      const finish = () => {
        if (stopped) return;
        stop();
        end();
      };
      const expiry = expiryTimer(deps.clock, finish);
      const check = (): void => {
        if (stopped || checking) {
          again = !stopped;
          return;
        }
        checking = true;
        deps
          .resolve(principal, deps.clock.now())
          .then(
            (now) => (now && sameAccess(principal, now) ? expiry.set(now.expiresAt) : finish()),
            (error: unknown) => {
              if (isConnectionFailure(error)) {
                retry = setTimeout(check, RETRY_CHECK_MS);
                retry.unref();
                return;
              }
              deps.log.warn('stream credential check failed; ending the stream', {
                error: String(error),
              });
              finish();
            },
          )
          .finally(() => {
            checking = false;
            if (again) {
              again = false;
              check();
            }
          });
      };
      const unsubscribe = deps.changes.onCredentialsChanged(check);
      const stop = () => {
        stopped = true;
        expiry.clear();
        clearTimeout(retry);
        unsubscribe();
      };
      expiry.set(principal.expiresAt);
      // The credential may have changed between authentication and this subscription.
      check();
      return stop;
    },
  };
}

/** How soon a check that found the database away is tried again. */
const RETRY_CHECK_MS = 1000;

// setTimeout's longest delay (about 24.8 days); display sessions last 30 days.
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `onExpire` at the expiry last set (none for null). Measured on the monotonic clock from
 * the app clock's present, so an injected clock works; long waits are split into several timers.
 */
function expiryTimer(clock: Clock, onExpire: () => void) {
  let timer: NodeJS.Timeout | undefined;
  return {
    set(expiresAt: string | null | undefined) {
      clearTimeout(timer);
      if (!expiresAt) return;
      const deadline = performance.now() + Date.parse(expiresAt) - clock.now().getTime();
      const arm = () => {
        const left = deadline - performance.now();
        if (left <= 0) return onExpire();
        timer = setTimeout(arm, Math.min(left, LONGEST_TIMER_MS));
        timer.unref();
      };
      arm();
    },
    clear: () => clearTimeout(timer),
  };
}

/** Same caller with the same rights: anything else ends the stream. */
function sameAccess(before: Principal, now: Principal): boolean {
  const scopes = (p: Principal) => [...p.scopes].sort().join(',');
  return (
    before.kind === now.kind &&
    before.id === now.id &&
    before.role === now.role &&
    scopes(before) === scopes(now) &&
    (before.memberId ?? null) === (now.memberId ?? null)
  );
}
