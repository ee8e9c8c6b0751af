import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../api/contract/stream';
import { createLogger } from '../../../api/log';
import { createFeeds, type Delivery, type FeedSubscription } from '../../../api/stream/feeds';
import { createStreamHub } from '../../../api/stream/hub';

/** An event log in memory, read the way the stream reads the table: after a seq, in order. */
function eventLog(batch: number) {
  const events: StreamEvent[] = [];
  let reads = 0;
  return {
    append(count: number) {
      for (let i = 0; i < count; i += 1) {
        const seq = events.length + 1;
        events.push({
          seq,
          topic: 'incidents',
          type: 'report',
          subject: `YP${seq}`,
          streetCode: '370871001000',
          fromStatus: null,
          toStatus: 'reported',
          actor: 'test',
          note: null,
          at: new Date(0).toISOString(),
          alert: false,
          payload: {},
        });
      }
    },
    read: (after: number) => {
      reads += 1;
      return Promise.resolve(events.filter((e) => e.seq > after).slice(0, batch));
    },
    reads: () => reads,
  };
}

// The hub's poll and LISTEN need a pool only once someone joins it; feeds only wait on it.
const hub = () =>
  createStreamHub({
    pool: {} as pg.Pool,
    listen: false,
    pollMs: 1000,
    log: createLogger('silent'),
  });

/** Takes deliveries until `count` events arrived; returns their seqs. */
async function take(sub: FeedSubscription, count: number): Promise<number[]> {
  const seqs: number[] = [];
  const abort = new AbortController();
  while (seqs.length < count) {
    const delivery: Delivery = await sub.next(1000, abort.signal);
    if (delivery.kind === 'events') seqs.push(...delivery.events.map((e) => e.seq));
  }
  return seqs;
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('stream feeds', () => {
  it('serves many subscribers of one scope with one read per wake-up, each event once, in order', async () => {
    const log = eventLog(50);
    const signals = hub();
    const feeds = createFeeds({
      hub: signals,
      batch: 50,
      idleMs: 60_000,
      retryMs: 100,
      maxQueued: 200,
    });
    const subs = Array.from({ length: 100 }, () => feeds.subscribe('scope-a', log.read, 0));
    const first = subs.map((sub) => take(sub, 3));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = log.reads();
    log.append(3);
    signals.wake();
    expect(await Promise.all(first)).toEqual(subs.map(() => [1, 2, 3]));
    expect(log.reads() - before).toBe(1);
    expect(feeds.size()).toBe(1);
    subs.forEach((sub) => sub.close());
    expect(feeds.size()).toBe(0);
  });

  it('lets a subscriber that resumes from an old position catch up alone, then join the shared read', async () => {
    const log = eventLog(10);
    log.append(5);
    const signals = hub();
    const feeds = createFeeds({
      hub: signals,
      batch: 10,
      idleMs: 60_000,
      retryMs: 100,
      maxQueued: 40,
    });
    const current = feeds.subscribe('scope-a', log.read, 5);
    const waiting = take(current, 30);
    await new Promise((resolve) => setTimeout(resolve, 20));
    log.append(25);
    signals.wake();
    const behind = feeds.subscribe('scope-a', log.read, 2);
    expect(await take(behind, 28)).toEqual(range(3, 30));
    log.append(5);
    signals.wake();
    expect(await take(behind, 5)).toEqual(range(31, 35));
    expect(await waiting).toEqual(range(6, 35));
    current.close();
    behind.close();
  });

  it('keeps scopes apart: each key has its own read', async () => {
    const a = eventLog(10);
    const b = eventLog(10);
    const signals = hub();
    const feeds = createFeeds({
      hub: signals,
      batch: 10,
      idleMs: 60_000,
      retryMs: 100,
      maxQueued: 40,
    });
    const subA = feeds.subscribe('scope-a', a.read, 0);
    const subB = feeds.subscribe('scope-b', b.read, 0);
    const gotA = take(subA, 2);
    const gotB = take(subB, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    a.append(2);
    b.append(1);
    signals.wake();
    expect(await gotA).toEqual([1, 2]);
    expect(await gotB).toEqual([1]);
    expect(feeds.size()).toBe(2);
    subA.close();
    subB.close();
  });

  it('detaches a member that stops taking events once its queue is full, without losing any', async () => {
    const log = eventLog(10);
    const signals = hub();
    const feeds = createFeeds({
      hub: signals,
      batch: 10,
      idleMs: 60_000,
      retryMs: 100,
      maxQueued: 15,
    });
    const reader = feeds.subscribe('scope-a', log.read, 0);
    const idle = feeds.subscribe('scope-a', log.read, 0);
    await idle.next(1, new AbortController().signal);
    const reading = take(reader, 60);
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (let i = 0; i < 6; i += 1) {
      log.append(10);
      signals.wake();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await reading).toEqual(range(1, 60));
    expect(await take(idle, 60)).toEqual(range(1, 60));
    reader.close();
    idle.close();
  });
});
