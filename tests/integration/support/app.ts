import type { Hono } from 'hono';
import { createApp, type Clock } from '../../../api/app';
import { loadConfig, type Limits, type StreamConfig } from '../../../api/config';
import type { Database } from '../../../api/db/database';
import type { AppEnv } from '../../../api/http/env';
import { createLogger, type Logger } from '../../../api/log';
import type { Readiness } from '../../../api/routes/health';
import type { StreamHub } from '../../../api/stream/hub';

/** A fixed clock for tests: time moves only when a test says so. */
export function fixedClock(
  iso: string,
): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(iso);
  return {
    now: () => now,
    set: (next) => (now = new Date(next)),
    advance: (ms) => (now = new Date(now.getTime() + ms)),
  };
}

export interface TestAppOptions {
  readiness?: Readiness;
  limits?: Partial<Limits>;
  clock?: Clock;
  log?: Logger;
  stream?: Partial<StreamConfig>;
  hub?: StreamHub;
  /** Environment variables for `loadConfig` (e.g. `YIPING_PUBLIC_URL`); defaults otherwise. */
  env?: Record<string, string>;
}

/** The real app over the test database, with a silent log and a fixed clock unless given. */
export function createTestApp(db: Database, options: TestAppOptions = {}) {
  const config = loadConfig(options.env ?? {});
  return createApp({
    db,
    config: {
      ...config,
      limits: { ...config.limits, ...options.limits },
      stream: { ...config.stream, ...options.stream },
    },
    hub: options.hub,
    clock: options.clock ?? fixedClock('2026-06-01T08:00:00Z'),
    log: options.log ?? createLogger('silent'),
    readiness: options.readiness ?? { phase: 'ready' },
  });
}

/**
 * A request as if from `ip` over a real socket (`app.request` has none), so per-address
 * limits and throttles can be told apart between tests.
 */
export function call(app: Hono<AppEnv>, path: string, init: RequestInit = {}, ip = '10.9.9.9') {
  return app.request(path, init, { incoming: { socket: { remoteAddress: ip } } });
}

/** JSON request options, with a bearer key when given. */
export function json(method: string, body: unknown, key?: string): RequestInit {
  return {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(body),
  };
}

export const bearer = (key: string): RequestInit => ({
  headers: { Authorization: `Bearer ${key}` },
});
