import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { STREAM_TOPICS, type StreamEvent, type StreamTopic } from '../contract/stream';
import type { ScopedRunner } from '../db/scoped';
import { eventsAfter, latestSeq } from '../db/stream-events';
import { isConnectionFailure } from '../db/unavailable';
import { ValidationError } from '../domain/errors';
import { roleAllows } from '../domain/permissions';
import type { Principal } from '../domain/principal';
import { scopePatterns } from '../domain/scopes';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { createBudget } from './budget';
import type { CredentialWatch } from './credential-watch';
import { createFeeds, type FeedSubscription, type ScopeReader } from './feeds';
import type { StreamHub } from './hub';

export interface StreamSettings {
  heartbeatMs: number;
  /** A client that takes longer than this to accept one batch is disconnected. */
  stallMs: number;
  /** Events read and written per round. */
  batch: number;
  /**
   * Database connections the stream's reads may hold at once (the rest of the pool stays for
   * writers and other requests, however many subscribers catch up together).
   */
  connections: number;
}

/**
 * `GET /api/v1/stream?topics=incidents,members,cameras,alerts` — Server-Sent Events. Each
 * message's `id` is the event's sequence number and its `event` the topic; a client that
 * reconnects with `Last-Event-ID` (or `?lastEventId=`) gets exactly what it missed, in order,
 * read back from the event log under its own area scope. Comment lines keep proxies open.
 * A client that stops reading is disconnected (it reconnects and catches up from the log)
 * rather than buffered without bound. A stream ends as soon as its key or session is revoked,
 * expires, or no longer grants the same rights (`credentials`); the reconnect then needs
 * credentials that work. Subscribers of one scope share one read per wake-up (api/stream/feeds.ts),
 * and every stream read runs within a budget of `connections`.
 */
export function streamRoutes(deps: {
  scoped: ScopedRunner;
  hub: StreamHub;
  credentials: CredentialWatch;
  settings: StreamSettings;
  /**
   * Waits until every commit made so far is on disk (on a server, where reports commit without
   * waiting for the disk: api/db/events.ts). Called after each read, before its events go out,
   * so a stream never shows an event a database crash could still take back.
   */
  flushCommits?: () => Promise<void>;
}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const budget = createBudget(deps.settings.connections);
  const scoped: ScopedRunner = (principal, work) =>
    budget.run(async () => {
      const result = await deps.scoped(principal, work);
      await deps.flushCommits?.();
      return result;
    });
  const feeds = createFeeds({
    hub: deps.hub,
    batch: deps.settings.batch,
    idleMs: deps.settings.heartbeatMs,
    retryMs: DATABASE_RETRY_MS,
    maxQueued: deps.settings.batch * 4,
  });
  routes.get('/stream', allow('stream:read'), async (c) => {
    const topics = parseTopics(c.req.query('topics'));
    const resumeFrom = parseLastEventId(
      c.req.header('Last-Event-ID') ?? c.req.query('lastEventId'),
    );
    const principal = requirePrincipal(c);
    const start = resumeFrom ?? (await scoped(principal, latestSeq));
    const read = scopeReader(scoped, principal, deps.settings.batch);
    const feed = feeds.subscribe(scopeKey(principal), read, start);
    const response = streamSSE(c, (stream) =>
      follow(stream, { ...deps, principal, topics, cursor: start, feed }),
    );
    response.headers.set('Cache-Control', 'no-cache, no-transform');
    response.headers.set('X-Accel-Buffering', 'no');
    return response;
  });
  return routes;
}

/**
 * Callers whose reads of the event log see the same rows: the inputs `withScope` sets
 * (api/db/scoped.ts) — the scope patterns and whether contacts are unmasked.
 */
function scopeKey(principal: Principal): string {
  const contacts = roleAllows(principal.role, 'contacts:read') ? 'full' : 'masked';
  return `${contacts}|${scopePatterns(principal.scopes).join(',')}`;
}

/** The scope's next events after a position, or null while the database is unavailable. */
function scopeReader(scoped: ScopedRunner, principal: Principal, batch: number): ScopeReader {
  return async (after) => {
    try {
      return await scoped(principal, (client) => eventsAfter(client, after, batch));
    } catch (error) {
      if (isConnectionFailure(error)) return null;
      throw error;
    }
  };
}

interface Subscription {
  hub: StreamHub;
  credentials: CredentialWatch;
  settings: StreamSettings;
  principal: Principal;
  topics: readonly StreamTopic[];
  cursor: number;
  feed: FeedSubscription;
}

async function follow(stream: SSEStreamingApi, sub: Subscription): Promise<void> {
  const control = new AbortController();
  sub.hub.join(control);
  const unwatch = sub.credentials.watch(sub.principal, () => control.abort());
  stream.onAbort(() => control.abort());
  const wanted = topicFilter(sub.topics);
  const { heartbeatMs } = sub.settings;
  try {
    await guarded(stream.write(`retry: 3000\n: connected at ${sub.cursor}\n\n`), sub, control);
    // Elapsed time on the monotonic timer: the heartbeat is about real silence, not the clock.
    let lastWrite = performance.now();
    while (!control.signal.aborted) {
      const wait = Math.max(1, heartbeatMs - (performance.now() - lastWrite));
      const delivery = await sub.feed.next(wait, control.signal);
      if (control.signal.aborted) break;
      if (delivery.kind === 'unavailable') {
        // The database is away: keep the client, say so (it doubles as a heartbeat), retry soon.
        await guarded(stream.write(': database unavailable, retrying\n\n'), sub, control);
        lastWrite = performance.now();
        continue;
      }
      const events = delivery.kind === 'events' ? delivery.events.filter(wanted) : [];
      for (const event of events) {
        if (control.signal.aborted) break;
        const topic = sub.topics.includes(event.topic) ? event.topic : 'alerts';
        const message = { id: String(event.seq), event: topic, data: serialized(event) };
        await guarded(stream.writeSSE(message), sub, control);
        lastWrite = performance.now();
      }
      if (performance.now() - lastWrite >= heartbeatMs && !control.signal.aborted) {
        await guarded(stream.write(': heartbeat\n\n'), sub, control);
        lastWrite = performance.now();
      }
    }
  } catch (error) {
    if (!(error instanceof SlowClientError)) throw error;
  } finally {
    unwatch();
    sub.feed.close();
    sub.hub.leave(control);
    stream.abort();
  }
}

/** The events a subscriber asked for: its table topics, and with `alerts` every flagged event. */
function topicFilter(topics: readonly StreamTopic[]): (event: StreamEvent) => boolean {
  const alerts = topics.includes('alerts');
  return (event) => topics.includes(event.topic) || (alerts && event.alert);
}

/** Each event is serialised once, however many subscribers it goes to (they share the object). */
const serializedEvents = new WeakMap<StreamEvent, string>();
function serialized(event: StreamEvent): string {
  let text = serializedEvents.get(event);
  if (text === undefined) {
    text = JSON.stringify(event);
    serializedEvents.set(event, text);
  }
  return text;
}

class SlowClientError extends Error {}

/** How soon a reader tries again while the database is unavailable. */
const DATABASE_RETRY_MS = 1000;

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
