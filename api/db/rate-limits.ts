import { lt, sql } from 'drizzle-orm';
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

/** Drops windows that ended before `before`. */
export async function pruneWindows(orm: Orm, before: Date): Promise<void> {
  await orm.delete(rateLimits).where(lt(rateLimits.windowStart, before.toISOString()));
}
