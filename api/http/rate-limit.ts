import type { MiddlewareHandler } from 'hono';
import { isRateLimitedPath } from '../contract/surfaces';
import type { Clock } from '../domain/clock';
import type { Limits } from '../config';
import { windowStart, type HitCounter } from '../db/rate-limits';
import { TooManyRequestsError } from '../domain/errors';
import type { AppEnv } from './env';

const MINUTE = 60_000;

/**
 * Per-caller and per-address limits over fixed one-minute windows, counted in memory and shared
 * through the database (api/db/rate-limits.ts: several instances enforce one limit, and a
 * request costs no write). Over the limit: 429 with `Retry-After` until the window ends.
 * Only the rate-limited surfaces of api/contract/surfaces.ts count: not health probes, not the
 * web app's files.
 */
export function rateLimit(
  hits: HitCounter,
  clock: Clock,
  limits: Limits,
): MiddlewareHandler<AppEnv> {
  let lastPrune = 0;
  return async (c, next) => {
    if (!isRateLimitedPath(c.req.path)) return next();
    const now = clock.now();
    const principal = c.get('principal');
    const [bucket, limit] = principal
      ? [`caller:${principal.kind}:${principal.id}`, limits.perCallerPerMinute]
      : [`ip:${c.get('clientIp')}`, limits.perIpPerMinute];
    const count = await hits.count(bucket, now, MINUTE);
    if (now.getTime() - lastPrune > 10 * MINUTE) {
      lastPrune = now.getTime();
      await hits.prune(new Date(now.getTime() - 60 * MINUTE));
    }
    if (count > limit) {
      const retryAfter = (windowStart(now, MINUTE).getTime() + MINUTE - now.getTime()) / 1000;
      throw new TooManyRequestsError(
        `Too many requests: at most ${limit} a minute. Try again in ${Math.ceil(retryAfter)} s.`,
        retryAfter,
      );
    }
    await next();
  };
}
