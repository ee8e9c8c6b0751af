import pg from 'pg';
import type { Logger } from '../log';

/**
 * Tells subscribers of the live stream that the event log may have grown. Three sources, so
 * nothing depends on one of them: `wake()` from writers in this process, LISTEN on the
 * `yiping_events` channel (every commit that appends events notifies it; this is how other
 * instances' events arrive), and a short poll of the log's head (the embedded database cannot
 * deliver NOTIFY between connections, and a dropped LISTEN connection must not stall anyone).
 * Subscribers re-read the table themselves, so a missed signal only delays, never loses.
 * Timers and the LISTEN connection exist only while someone is subscribed.
 */
export interface StreamHub {
  /** Resolves at the next signal, after `ms` (heartbeats) or on `abort`, whichever is first. */
  next(ms: number, abort: AbortSignal): Promise<void>;
  wake(): void;
  join(subscriber: AbortController): void;
  leave(subscriber: AbortController): void;
  /** How many subscribers are connected. */
  size(): number;
  /** Disconnects every subscriber and releases the LISTEN connection. */
  stop(): Promise<void>;
}

export interface HubOptions {
  pool: pg.Pool;
  /** LISTEN on a dedicated connection (a PostgreSQL server; not the embedded database). */
  listen: boolean;
  pollMs: number;
  log: Logger;
}

export function createStreamHub(options: HubOptions): StreamHub {
  let waiters: (() => void)[] = [];
  let head = -1;
  let pollFailing = false;
  let timer: NodeJS.Timeout | null = null;
  let polling = Promise.resolve();
  let listener: pg.Client | null = null;
  const subscribers = new Set<AbortController>();

  const wake = () => {
    const pending = waiters;
    waiters = [];
    for (const resolve of pending) resolve();
  };

  const poll = async () => {
    try {
      const result = await options.pool.query<{ seq: number | null }>(
        'SELECT max(seq) AS seq FROM incident_events',
      );
      const seq = result.rows[0]?.seq ?? 0;
      if (seq !== head) {
        head = seq;
        wake();
      }
      if (pollFailing) options.log.info('stream poll works again');
      pollFailing = false;
    } catch (error) {
      // Once per outage, not every poll: the database may be away for minutes.
      if (!pollFailing) options.log.warn('stream poll failed', { error: String(error) });
      pollFailing = true;
    }
  };

  const listen = async (): Promise<void> => {
    if (!options.listen || timer === null || listener !== null) return;
    const client = new pg.Client(options.pool.options);
    listener = client;
    const retry = () => {
      if (listener === client) listener = null;
      client.end().catch(() => undefined);
      if (timer !== null) setTimeout(() => void listen(), 2000).unref();
    };
    client.on('notification', wake);
    client.on('error', retry);
    try {
      await client.connect();
      await client.query('LISTEN yiping_events');
      // Whatever was notified while not listening.
      wake();
    } catch (error) {
      options.log.warn('stream LISTEN failed; polling meanwhile', { error: String(error) });
      retry();
    }
  };

  const start = () => {
    timer = setInterval(() => {
      polling = polling.then(poll);
    }, options.pollMs);
    timer.unref();
    void listen();
  };

  const quiesce = async () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    const client = listener;
    listener = null;
    await polling;
    await client?.end().catch(() => undefined);
  };

  return {
    wake,
    join(subscriber) {
      subscribers.add(subscriber);
      if (timer === null) start();
    },
    leave(subscriber) {
      subscribers.delete(subscriber);
      if (subscribers.size === 0) void quiesce();
    },
    size: () => subscribers.size,
    next(ms, abort) {
      if (abort.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timeout);
          abort.removeEventListener('abort', done);
          waiters = waiters.filter((waiter) => waiter !== done);
          resolve();
        };
        const timeout = setTimeout(done, ms);
        abort.addEventListener('abort', done);
        waiters.push(done);
      });
    },
    async stop() {
      for (const subscriber of subscribers) subscriber.abort();
      await quiesce();
    },
  };
}
