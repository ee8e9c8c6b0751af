import { Hono } from 'hono';
import type { Readiness as ReadinessBody } from '../contract/health';
import type { FeatureCounts } from '../db/counts';
import type { Database } from '../db/database';
import { DatabaseUnavailableError } from '../domain/errors';
import type { AppEnv } from '../http/env';
import { allow } from '../http/policy';
import type { Logger } from '../log';

/** Start-up phase of the process, shared between the server entry point and `/readyz`. */
export interface Readiness {
  phase: 'starting' | 'ready' | 'stopping';
}

/** What `/readyz` asks of the database: which kind it is and the layer counts. */
export interface ReadinessProbe {
  kind: Database['kind'];
  counts(): Promise<FeatureCounts>;
}

/**
 * `/healthz`: the process is up. `/readyz`: the database answers, is migrated and seeded —
 * 200 with layer counts, or 503 `starting` (seeding, shutting down) / `unavailable` (database down,
 * with `Retry-After`).
 */
export function healthRoutes(
  probe: ReadinessProbe,
  readiness: Readiness,
  log: Logger,
): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/healthz', allow('public'), (c) => c.json({ status: 'ok' }));
  routes.get('/readyz', allow('public'), async (c) => {
    c.header('Cache-Control', 'no-store');
    const answer = (body: ReadinessBody) => c.json(body, body.status === 'ready' ? 200 : 503);
    if (readiness.phase !== 'ready') return answer({ status: 'starting' });
    try {
      return answer({ status: 'ready', database: probe.kind, counts: await probe.counts() });
    } catch (error) {
      log.warn('readiness check failed', { error: (error as Error).message });
      c.header('Retry-After', String(new DatabaseUnavailableError().retryAfterSeconds));
      return answer({ status: 'unavailable' });
    }
  });
  return routes;
}
