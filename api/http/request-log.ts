import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log';

/** Probes polled by load balancers and the web app; logging each would drown the log. */
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/** One structured log line per request: method, path (no query string: it may carry keys), status, time. */
export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    if (QUIET_PATHS.has(c.req.path) && c.res.status < 500) return;
    log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
