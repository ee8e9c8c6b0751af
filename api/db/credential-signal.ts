import pg from 'pg';

/** The channel migration 0009 notifies when a key, user or session changes. */
const CHANNEL = 'yiping_credentials';

/**
 * Tells this process at once when any API key, user or session may have changed (revoked,
 * disabled, logged out, new role, scopes or member link; migration 0009), and whether it can be
 * sure to hear of every such change — which is what lets callers be cached (api/http/caller-cache.ts)
 * and live streams end when access ends (api/stream/credential-watch.ts).
 *
 * Two ways in. Every connection of the pool LISTENs (`hearCredentialChanges`): PostgreSQL hands a session its own
 * notifications when its transaction commits, before the commit returns, so a change this
 * process makes is heard before the response that made it goes out (on the embedded database,
 * where NOTIFY does not cross connections, this is the whole signal — and the only process, as
 * the data directory is locked). On a server a dedicated connection also LISTENs for other
 * instances' changes, reading `credential_changes` every `heartbeatMs` on that same connection
 * (a change missed meanwhile shows as a new version; an answer proves the connection alive).
 * While that connection is down or silent, `live()` is false and caches must not trust entries.
 */
export interface CredentialSignal {
  /** Calls `listener` whenever credentials may have changed; returns its removal. */
  onCredentialsChanged(listener: () => void): () => void;
  /** True while every change, wherever made, is sure to be signalled at once. */
  live(): boolean;
  /** Releases the dedicated connection (it also goes once the pool has ended). */
  stop(): Promise<void>;
}

export interface CredentialSignalOptions {
  /** LISTEN for other instances on a dedicated connection (a server; not the embedded database). */
  listen: boolean;
  heartbeatMs?: number;
}

const signals = new WeakMap<pg.Pool, CredentialSignal>();

/** The one signal of `pool` (made on first use: every app over the pool shares it). */
export function credentialSignalFor(
  pool: pg.Pool,
  options: CredentialSignalOptions,
): CredentialSignal {
  let signal = signals.get(pool);
  if (!signal) {
    signal = createCredentialSignal(pool, options);
    signals.set(pool, signal);
  }
  return signal;
}

function createCredentialSignal(pool: pg.Pool, options: CredentialSignalOptions): CredentialSignal {
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  ownChanges.set(pool, (ownChanges.get(pool) ?? new Set()).add(changed));
  const remote = options.listen
    ? listenForOthers(pool, changed, options.heartbeatMs ?? 1000)
    : { live: () => true, stop: async () => undefined };
  return {
    onCredentialsChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    live: remote.live,
    stop: remote.stop,
  };
}

const ownChanges = new WeakMap<pg.Pool, Set<() => void>>();

/**
 * Makes a new connection of `pool` LISTEN before its first use, and passes its notifications —
 * its own changes among them — to the pool's signal. `openDatabase` installs this as the pool's
 * `onConnect`, so every connection the app ever uses hears the changes it makes.
 */
export async function hearCredentialChanges(pool: pg.Pool, client: pg.ClientBase): Promise<void> {
  client.on('notification', (message) => {
    if (message.channel === CHANNEL) ownChanges.get(pool)?.forEach((listener) => listener());
  });
  await client.query(`LISTEN ${CHANNEL}`);
}

/** The dedicated LISTEN connection with its heartbeat; reconnects after a failure. */
function listenForOthers(pool: pg.Pool, changed: () => void, heartbeatMs: number) {
  let client: pg.Client | null = null;
  let version: string | null = null;
  let lastAnswer = -Infinity;
  let stopped = false;
  const drop = (target: pg.Client) => {
    if (client === target) client = null;
    target.end().catch(() => undefined);
  };
  const beat = async () => {
    if (pool.ending) stopped = true;
    if (stopped) {
      clearInterval(timer);
      if (client) drop(client);
      return;
    }
    const current = client ?? (await connect());
    if (!current) return;
    try {
      const result = await current.query<{ version: string }>(
        'SELECT version::text AS version FROM credential_changes',
      );
      const next = result.rows[0]?.version ?? '0';
      if (next !== version) {
        version = next;
        changed();
      }
      lastAnswer = performance.now();
    } catch {
      drop(current);
    }
  };
  const connect = async (): Promise<pg.Client | null> => {
    const fresh = new pg.Client(pool.options);
    fresh.on('error', () => drop(fresh));
    fresh.on('end', () => drop(fresh));
    fresh.on('notification', (message) => message.channel === CHANNEL && changed());
    try {
      await fresh.connect();
      await fresh.query(`LISTEN ${CHANNEL}`);
      // Whatever changed while nobody listened.
      version = null;
      client = fresh;
      return fresh;
    } catch {
      drop(fresh);
      return null;
    }
  };
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(beat);
  }, heartbeatMs);
  timer.unref();
  running = running.then(beat);
  return {
    live: () => !stopped && client !== null && performance.now() - lastAnswer < 3 * heartbeatMs,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      if (client) drop(client);
    },
  };
}
