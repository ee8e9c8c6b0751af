import type { StreamEvent } from '../contract/stream';
import type { StreamHub } from './hub';

/** A scope's events after a sequence number, in order; null while the database is unavailable. */
export type ScopeReader = (after: number) => Promise<StreamEvent[] | null>;

export interface FeedOptions {
  hub: StreamHub;
  /** Events per read. */
  batch: number;
  /** A shared read re-reads after this long without a signal (a safety net for lost signals). */
  idleMs: number;
  /** How soon a read is tried again while the database is unavailable. */
  retryMs: number;
  /** A member with more events queued than this leaves the shared read and catches up alone. */
  maxQueued: number;
}

/** What one wait of a subscriber ended with. */
export type Delivery =
  { kind: 'events'; events: StreamEvent[] } | { kind: 'unavailable' } | { kind: 'idle' };

/** One subscriber's place in its scope's feed. */
export interface FeedSubscription {
  /**
   * The next events of the scope after the last ones returned, every topic, in order, each
   * once: from the shared read, or from the subscriber's own reads while it is behind it.
   * Resolves `idle` after `ms` (or on `abort`) with nothing new.
   */
  next(ms: number, abort: AbortSignal): Promise<Delivery>;
  /** Leaves the feed. */
  close(): void;
}

/**
 * Subscribers of the live stream grouped by scope: per scope one read of new events per
 * wake-up, fanned out in memory. A subscriber that starts behind the shared read (it resumes
 * from an old `Last-Event-ID`), or falls behind it (it stopped reading), catches up with its
 * own reads and then joins the shared one. Positions are the last sequence read of the scope,
 * whatever the topic, so joining is exact: a member receives exactly the events after its own
 * position, whichever read brings them.
 */
export interface Feeds {
  subscribe(key: string, read: ScopeReader, position: number): FeedSubscription;
  /** Scopes with a shared read running. */
  size(): number;
}

interface Member {
  position: number;
  queue: StreamEvent[];
  unavailable: boolean;
  /** A read failed for another reason than an unavailable database: the member ends with it. */
  failure?: unknown;
  /** Wakes the member's pending `next`, if any. */
  signal: () => void;
}

interface Feed {
  cursor: number;
  members: Set<Member>;
  stop: AbortController;
}

export function createFeeds(options: FeedOptions): Feeds {
  const feeds = new Map<string, Feed>();

  const deliver = (feed: Feed, events: StreamEvent[]) => {
    for (const member of feed.members) {
      const fresh = events.filter((event) => event.seq > member.position);
      if (fresh.length === 0) continue;
      member.queue.push(...fresh);
      member.position = fresh[fresh.length - 1]!.seq;
      // Too far behind to buffer: it goes on from its position with its own reads.
      if (member.queue.length > options.maxQueued) feed.members.delete(member);
      member.signal();
    }
  };

  const end = (key: string, feed: Feed) => {
    feed.stop.abort();
    if (feeds.get(key) === feed) feeds.delete(key);
  };

  const run = async (key: string, feed: Feed, read: ScopeReader) => {
    try {
      await follow(feed, read);
    } catch (error) {
      for (const member of feed.members) {
        member.failure = error;
        member.signal();
      }
      feed.members.clear();
    }
    end(key, feed);
  };

  const follow = async (feed: Feed, read: ScopeReader) => {
    const { hub } = options;
    // Armed before each read, so a wake that arrives during the read is not lost.
    let woken = hub.next(options.idleMs, feed.stop.signal);
    while (feed.members.size > 0) {
      const events = await read(feed.cursor);
      if (feed.members.size === 0) break;
      if (events === null) {
        for (const member of feed.members) {
          member.unavailable = true;
          member.signal();
        }
        await hub.next(options.retryMs, feed.stop.signal);
        continue;
      }
      if (events.length > 0) {
        feed.cursor = events[events.length - 1]!.seq;
        deliver(feed, events);
      }
      if (events.length === options.batch) continue;
      await woken;
      woken = hub.next(options.idleMs, feed.stop.signal);
    }
  };

  const attach = (key: string, read: ScopeReader, member: Member): boolean => {
    let feed = feeds.get(key);
    if (feed && member.position < feed.cursor) return false;
    if (!feed) {
      feed = { cursor: member.position, members: new Set(), stop: new AbortController() };
      feeds.set(key, feed);
      feed.members.add(member);
      void run(key, feed, read);
    } else feed.members.add(member);
    return true;
  };

  return {
    subscribe(key, read, position) {
      const member: Member = { position, queue: [], unavailable: false, signal: () => undefined };
      let attachedTo: Feed | undefined;
      const attached = () => attachedTo !== undefined && attachedTo.members.has(member);
      const catchUp = async (ms: number, abort: AbortSignal): Promise<Delivery> => {
        const events = await read(member.position);
        if (events === null) return { kind: 'unavailable' };
        if (events.length === 0) {
          await waitFor(member, Math.min(ms, options.retryMs), abort);
          return { kind: 'idle' };
        }
        member.position = events[events.length - 1]!.seq;
        return { kind: 'events', events };
      };
      return {
        async next(ms, abort) {
          const ready = pending(member);
          if (ready) return ready;
          if (!attached()) {
            if (!attach(key, read, member)) return catchUp(ms, abort);
            attachedTo = feeds.get(key);
          }
          await waitFor(member, ms, abort);
          return pending(member) ?? { kind: 'idle' };
        },
        close() {
          const feed = attachedTo;
          attachedTo = undefined;
          feed?.members.delete(member);
          if (feed?.members.size === 0) end(key, feed);
        },
      };
    },
    size: () => feeds.size,
  };
}

/** What the member has been handed and not yet taken: a failure, events, or unavailability. */
function pending(member: Member): Delivery | null {
  if (member.failure !== undefined) throw member.failure;
  if (member.queue.length > 0) return { kind: 'events', events: member.queue.splice(0) };
  if (!member.unavailable) return null;
  member.unavailable = false;
  return { kind: 'unavailable' };
}

/** Resolves when the member is signalled, after `ms`, or on `abort`. */
function waitFor(member: Member, ms: number, abort: AbortSignal): Promise<void> {
  if (abort.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      abort.removeEventListener('abort', done);
      member.signal = () => undefined;
      resolve();
    };
    const timer = setTimeout(done, ms);
    abort.addEventListener('abort', done);
    member.signal = done;
  });
}
