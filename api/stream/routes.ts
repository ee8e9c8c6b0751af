import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { STREAM_TOPICS, type StreamEvent, type StreamTopic } from '../contract/stream';
import type { EventTopic } from '../db/events';
import type { ScopedRunner } from '../db/scoped';
import { eventsAfter, latestSeq } from '../db/stream-events';
import { isConnectionFailure } from '../db/unavailable';
import { ValidationError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import type { CredentialWatch } from './credential-watch';
import type { StreamHub } from './hub';

export interface StreamSettings {
  heartbeatMs: number;
  /** A client that takes longer than this to accept one batch is disconnected. */
  stallMs: number;
  /** Events read and written per round. */
  batch: number;
}

/**
 * `GET /api/v1/stream?topics=incidents,members,cameras,alerts` — Server-Sent Events. Each
 * message's `id` is the event's sequence number and its `event` the topic; a client that
 * reconnects with `Last-Event-ID` (or `?lastEventId=`) gets exactly what it missed, in order,
 * read back from the event log under its own area scope. Comment lines keep proxies open.
 * A client that stops reading is disconnected (it reconnects and catches up from the log)
 * rather than buffered without bound. A stream ends as soon as its key or session is revoked,
 * expires, or no longer grants the same rights (`credentials`); the reconnect then needs
 * credentials that work.
 */
export function streamRoutes(deps: {
  scoped: ScopedRunner;
  hub: StreamHub;
  credentials: CredentialWatch;
  settings: StreamSettings;
}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/stream', allow('stream:read'), async (c) => {
    const topics = parseTopics(c.req.query('topics'));
    const resumeFrom = parseLastEventId(
      c.req.header('Last-Event-ID') ?? c.req.query('lastEventId'),
    );
    const principal = requirePrincipal(c);
    const start = resumeFrom ?? (await deps.scoped(principal, latestSeq));
    const response = streamSSE(c, (stream) =>
      follow(stream, { ...deps, principal, topics, cursor: start }),
    );
    response.headers.set('Cache-Control', 'no-cache, no-transform');
    response.headers.set('X-Accel-Buffering', 'no');
    return response;
  });
  return routes;
}

interface Subscription {
  scoped: ScopedRunner;
  hub: StreamHub;
  credentials: CredentialWatch;
  settings: StreamSettings;
  principal: Principal;
  topics: readonly StreamTopic[];
  cursor: number;
}

async function follow(stream: SSEStreamingApi, sub: Subscription): Promise<void> {
  const control = new AbortController();
  sub.hub.join(control);
  const unwatch = sub.credentials.watch(sub.principal, () => control.abort());
  stream.onAbort(() => control.abort());
  const tableTopics = sub.topics.filter((t): t is EventTopic => t !== 'alerts');
  const alerts = sub.topics.includes('alerts');
  let cursor = sub.cursor;
  try {
    await guarded(stream.write(`retry: 3000\n: connected at ${cursor}\n\n`), sub, control);
    while (!control.signal.aborted) {
      const events = await readAfter(sub, cursor, tableTopics, alerts);
      if (events === null) {
        // The database is away: keep the client, say so (it doubles as a heartbeat), retry soon.
        await guarded(stream.write(': database unavailable, retrying\n\n'), sub, control);
        await sub.hub.next(Math.min(sub.settings.heartbeatMs, DATABASE_RETRY_MS), control.signal);
        continue;
      }
      for (const event of events) {
        if (control.signal.aborted) break;
        const topic = tableTopics.includes(event.topic) ? event.topic : 'alerts';
        const message = { id: String(event.seq), event: topic, data: JSON.stringify(event) };
        await guarded(stream.writeSSE(message), sub, control);
        cursor = event.seq;
      }
      if (events.length === sub.settings.batch) continue;
      // Elapsed time on the monotonic timer: the heartbeat is about real waiting, not the clock.
      const before = performance.now();
      await sub.hub.next(sub.settings.heartbeatMs, control.signal);
      if (performance.now() - before >= sub.settings.heartbeatMs && !control.signal.aborted) {
        await guarded(stream.write(': heartbeat\n\n'), sub, control);
      }
    }
  } catch (error) {
    if (!(error instanceof SlowClientError)) throw error;
  } finally {
    unwatch();
    sub.hub.leave(control);
    stream.abort();
  }
}

class SlowClientError extends Error {}

/** How soon a reader tries again while the database is unavailable. */
const DATABASE_RETRY_MS = 1000;

/** The next events after `cursor`, or null while the database is unavailable (the cursor stays). */
async function readAfter(
  sub: Subscription,
  cursor: number,
  topics: readonly EventTopic[],
  alerts: boolean,
): Promise<StreamEvent[] | null> {
  try {
    return await sub.scoped(sub.principal, (client) =>
      eventsAfter(client, cursor, topics, alerts, sub.settings.batch),
    );
  } catch (error) {
    if (isConnectionFailure(error)) return null;
    throw error;
  }
}

/** A write the client must accept within the stall limit; otherwise it is dropped. */
async function guarded(write: Promise<unknown>, sub: Subscription, control: AbortController) {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      control.abort();
      reject(new SlowClientError('client too slow'));
    }, sub.settings.stallMs);
  });
  try {
    await Promise.race([write, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

function parseTopics(value: string | undefined): StreamTopic[] {
  if (value === undefined || value.trim() === '') return [...STREAM_TOPICS];
  const asked = value.split(',').map((t) => t.trim());
  const unknown = asked.filter((t) => !(STREAM_TOPICS as readonly string[]).includes(t));
  if (unknown.length > 0) {
    throw new ValidationError(
      `Unknown stream topics: ${unknown.join(', ')}. Choose from ${STREAM_TOPICS.join(', ')}.`,
      [{ path: 'topics', message: `unknown: ${unknown.join(', ')}` }],
    );
  }
  return [...new Set(asked)] as StreamTopic[];
}

function parseLastEventId(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  if (!/^\d{1,15}$/.test(value)) {
    throw new ValidationError('Last-Event-ID must be the sequence number of an event (digits).', [
      { path: 'Last-Event-ID', message: 'not a sequence number' },
    ]);
  }
  return Number(value);
}
