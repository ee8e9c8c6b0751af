import { queryRows, type Queryable } from './queryable';

/** Start of the fixed window of `windowMs` that contains `now`. */
export function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** One bucket's window as this instance knows it. */
interface Tally {
  bucket: string;
  window: string;
  windowEnd: number;
  /** Every instance's hits as of this instance's last flush. */
  shared: number;
  /** Hits being flushed now, and hits since. */
  sending: number;
  pending: number;
  /** The first hit's flush, which every hit waits for: a new window starts from the shared count. */
  ready: Promise<void>;
}

interface Row {
  bucket: string;
  windowStart: Date;
  hits: number;
}

/**
 * Adds each tally's delta to the shared counters in one statement and answers the totals of all
 * instances. Rows go in key order, so instances flushing at once never deadlock.
 */
async function addHits(db: Queryable, tallies: readonly Tally[]): Promise<Row[]> {
  return queryRows<Row>(
    db,
    `INSERT INTO rate_limits (bucket, window_start, hits)
     SELECT b, w, h FROM unnest($1::text[], $2::timestamptz[], $3::int[]) AS t (b, w, h)
     ORDER BY b, w
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + EXCLUDED.hits
     RETURNING bucket, window_start AS "windowStart", hits`,
    [tallies.map((t) => t.bucket), tallies.map((t) => t.window), tallies.map((t) => t.sending)],
  );
}

/** Drops windows that ended before `before`. */
export async function pruneWindows(db: Queryable, before: Date): Promise<void> {
  await db.query('DELETE FROM rate_limits WHERE window_start < $1', [before.toISOString()]);
}

/** The hit counter the rate limiter needs, bound to one `Queryable` at the composition root. */
export interface HitCounter {
  /**
   * Counts one hit in `bucket` for the window containing `now` and answers the total of every
   * instance so far, as far as this one knows: the shared count at its last flush plus its own
   * hits since. A bucket's first hit in a window waits for one flush; later hits wait for none.
   */
  count(bucket: string, now: Date, windowMs: number): Promise<number>;
  /** See `pruneWindows`. */
  prune(before: Date): Promise<void>;
  /** Sends every unsent hit now (the counter does so by itself every `flushMs`). */
  flush(): Promise<void>;
}

/**
 * Rate-limit counters kept in memory and shared through the database: hits are added to
 * `rate_limits` by one statement per `flushMs` for all buckets together, which answers every
 * instance's totals — so a caller over the limit across instances is refused within about one
 * flush, and a read costs no write. A flush that fails keeps its hits for the next one; windows
 * that have ended are forgotten.
 */
export function hitCounter(db: Queryable, flushMs = 1000): HitCounter {
  const tallies = new Map<string, Tally>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let latest = 0;

  // Sends run one at a time (on `running`), so a tally is never in two flushes at once.
  const send = async (batch: Tally[]) => {
    for (const tally of batch) [tally.sending, tally.pending] = [tally.pending, 0];
    try {
      const rows = await addHits(db, batch);
      const byKey = new Map(rows.map((r) => [keyOf(r.bucket, r.windowStart.toISOString()), r]));
      for (const tally of batch)
        tally.shared =
          byKey.get(keyOf(tally.bucket, tally.window))?.hits ?? tally.shared + tally.sending;
    } catch {
      for (const tally of batch) tally.pending += tally.sending;
    } finally {
      for (const tally of batch) tally.sending = 0;
    }
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    running = running.then(async () => {
      for (const [key, tally] of tallies) if (tally.windowEnd <= latest) tallies.delete(key);
      const batch = [...tallies.values()].filter((tally) => tally.pending > 0);
      if (batch.length > 0) await send(batch);
      if ([...tallies.values()].some((tally) => tally.pending > 0)) schedule();
    });
    return running;
  };

  const schedule = () => {
    if (timer) return;
    timer = setTimeout(() => void flush(), flushMs);
    timer.unref();
  };

  return {
    async count(bucket, now, windowMs) {
      const start = windowStart(now, windowMs);
      latest = Math.max(latest, now.getTime());
      const key = keyOf(bucket, start.toISOString());
      let tally = tallies.get(key);
      if (!tally) {
        const fresh = newTally(bucket, start, windowMs);
        tallies.set(key, fresh);
        fresh.ready = running = running.then(() => send([fresh]));
        tally = fresh;
      }
      tally.pending += 1;
      await tally.ready;
      if (tally.pending > 0) schedule();
      return tally.shared + tally.sending + tally.pending;
    },
    prune: (before) => pruneWindows(db, before),
    flush,
  };
}

const keyOf = (bucket: string, window: string) => `${window} ${bucket}`;

function newTally(bucket: string, start: Date, windowMs: number): Tally {
  const window = start.toISOString();
  const windowEnd = start.getTime() + windowMs;
  return { bucket, window, windowEnd, shared: 0, sending: 0, pending: 0, ready: Promise.resolve() };
}
