import type { CallerLookup } from '../db/credentials';
import type { Principal } from '../domain/principal';

/** Where the cache hears of credential changes (api/db/credential-signal.ts). */
export interface CredentialChanges {
  onCredentialsChanged(listener: () => void): () => void;
  live(): boolean;
}

export interface CallerCacheOptions {
  /** How long a verified caller is believed without asking the database again. */
  ttlMs: number;
  /** Most callers kept; the oldest entry goes first. */
  maxEntries: number;
}

interface Entry {
  principal: Principal;
  /** App-clock times: cached at, believed until (never past the key's or session's expiry). */
  at: number;
  until: number;
}

/**
 * `CallerLookup` with verified callers (API keys and sessions, by digest) kept briefly in
 * memory, so authenticating a request costs no round trip. Entries are believed only while the
 * credential signal is live; any credential change empties the cache at once, and an answer
 * read before a change is never stored after it (a generation count). Unknown digests are not
 * kept. `current` (the live stream's re-check) always asks the database.
 */
export function cachedCallers(
  inner: CallerLookup,
  changes: CredentialChanges,
  options: CallerCacheOptions,
): CallerLookup {
  const entries = new Map<string, Entry>();
  let generation = 0;
  changes.onCredentialsChanged(() => {
    generation += 1;
    entries.clear();
  });

  const lookup = async (
    key: string,
    now: Date,
    read: () => Promise<Principal | null>,
  ): Promise<Principal | null> => {
    const time = now.getTime();
    const hit = entries.get(key);
    if (hit && changes.live() && hit.at <= time && time < hit.until) return hit.principal;
    const before = generation;
    const principal = await read();
    if (principal && before === generation && changes.live()) {
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
      const expires = principal.expiresAt ? Date.parse(principal.expiresAt) : Infinity;
      entries.set(key, { principal, at: time, until: Math.min(time + options.ttlMs, expires) });
    }
    return principal;
  };

  return {
    byKey: (digest, now) => lookup(`key:${digest}`, now, () => inner.byKey(digest, now)),
    bySession: (digest, now) =>
      lookup(`session:${digest}`, now, () => inner.bySession(digest, now)),
    current: (principal, now) => inner.current(principal, now),
  };
}
