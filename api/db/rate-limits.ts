import { queryRow, type Queryable } from './queryable';

/** Start of the fixed window of `windowMs` that contains `now`. */
export function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/**
 * Counts one hit in `bucket` for the window containing `now` and returns the total so far.
 * Kept in the database so every API instance shares the same counters.
 */
export async function countHit(
  db: Queryable,
  bucket: string,
  now: Date,
  windowMs: number,
): Promise<number> {
  const row = await queryRow<{ hits: number }>(
    db,
    `INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
     RETURNING hits`,
    [bucket, windowStart(now, windowMs).toISOString()],
  );
  return row?.hits ?? 1;
}

/** Drops windows that ended before `before`. */
export async function pruneWindows(db: Queryable, before: Date): Promise<void> {
  await db.query('DELETE FROM rate_limits WHERE window_start < $1', [before.toISOString()]);
}

/** The hit counter the rate limiter needs, bound to one `Queryable` at the composition root. */
export interface HitCounter {
  /** See `countHit`. */
  count(bucket: string, now: Date, windowMs: number): Promise<number>;
  /** See `pruneWindows`. */
  prune(before: Date): Promise<void>;
}

/** `countHit` and `pruneWindows` over `db`. */
export function hitCounter(db: Queryable): HitCounter {
  return {
    count: (bucket, now, windowMs) => countHit(db, bucket, now, windowMs),
    prune: (before) => pruneWindows(db, before),
  };
}
