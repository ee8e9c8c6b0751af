import { and, eq, lt, sql } from 'drizzle-orm';
import type { Orm } from './database';
import { rateLimits } from './schema';

/** Start of the fixed window of `windowMs` that contains `now`. */
export function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/**
 * Counts one hit in `bucket` for the window containing `now` and returns the total so far.
 * Kept in the database so every API instance shares the same counters.
 */
export async function countHit(
  orm: Orm,
  bucket: string,
  now: Date,
  windowMs: number,
): Promise<number> {
  const start = windowStart(now, windowMs).toISOString();
  const [row] = await orm
    .insert(rateLimits)
    .values({ bucket, windowStart: start, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1` },
    })
    .returning({ hits: rateLimits.hits });
  return row?.hits ?? 1;
}

/** Hits in `bucket` for the window containing `now`, without counting one. */
export async function currentHits(
  orm: Orm,
  bucket: string,
  now: Date,
  windowMs: number,
): Promise<number> {
  const [row] = await orm
    .select({ hits: rateLimits.hits })
    .from(rateLimits)
    .where(
      and(
        eq(rateLimits.bucket, bucket),
        eq(rateLimits.windowStart, windowStart(now, windowMs).toISOString()),
      ),
    );
  return row?.hits ?? 0;
}

/** Forgets a bucket (e.g. an account's failed log-ins after a success). */
export async function clearBucket(orm: Orm, bucket: string): Promise<void> {
  await orm.delete(rateLimits).where(eq(rateLimits.bucket, bucket));
}

/** Drops windows that ended before `before`. */
export async function pruneWindows(orm: Orm, before: Date): Promise<void> {
  await orm.delete(rateLimits).where(lt(rateLimits.windowStart, before.toISOString()));
}
