import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Database } from '../../../api/db/database';
import { appendEvents, type EventRow } from '../../../api/db/events';
import type { AppEnv } from '../../../api/http/env';

/** One SSE message as a client sees it. */
export interface SseMessage {
  id: string | null;
  event: string;
  data: Record<string, unknown> & { seq: number; subject: string; type: string };
}

/** A real HTTP server on a free loopback port around `app`. */
export async function listen(app: Hono<AppEnv>) {
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * An SSE client over fetch, with a bearer key or `{ cookie }`: collects messages and comment
 * lines as they arrive; `waitFor` resolves once a condition holds (or fails after a generous
 * timeout).
 */
export async function openStream(
  base: string,
  credential: string | { cookie: string },
  options: { topics?: string; lastEventId?: number } = {},
) {
  const controller = new AbortController();
  const query = options.topics ? `?topics=${options.topics}` : '';
  const response = await fetch(`${base}/api/v1/stream${query}`, {
    headers: {
      ...(typeof credential === 'string'
        ? { Authorization: `Bearer ${credential}` }
        : { Cookie: credential.cookie }),
      Accept: 'text/event-stream',
      ...(options.lastEventId === undefined
        ? {}
        : { 'Last-Event-ID': String(options.lastEventId) }),
    },
    signal: controller.signal,
  });
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  let ended = false;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const reading = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          parseFrame(buffer.slice(0, cut), messages, comments);
          buffer = buffer.slice(cut + 2);
        }
        notify();
      }
    } catch {
      // aborted by close()
    } finally {
      ended = true;
      notify();
    }
  })();
  return {
    status: response.status,
    response,
    messages,
    comments,
    get ended() {
      return ended;
    },
    waitFor(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
      if (condition()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${what}`));
        }, timeoutMs);
        const check = () => {
          if (!condition()) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
      });
    },
    async close() {
      controller.abort();
      await reading;
    },
  };
}

function parseFrame(frame: string, messages: SseMessage[], comments: string[]) {
  let id: string | null = null;
  let event = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) comments.push(line.slice(1).trim());
    else if (line.startsWith('id:')) id = line.slice(3).trim();
    else if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (data.length > 0) messages.push({ id, event, data: JSON.parse(data.join('\n')) });
}

/** Appends `count` events about `subject` in a community, as a writer would; returns their seqs. */
export async function appendTestEvents(
  db: Database,
  scope: { community: string; street: string },
  subject: string,
  count: number,
  overrides: Partial<EventRow> = {},
): Promise<number[]> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    const rows: EventRow[] = Array.from({ length: count }, (_, i) => ({
      topic: 'members',
      incidentId: null,
      subject,
      scopeCode: scope.community,
      streetCode: scope.street,
      type: 'position',
      fromStatus: null,
      toStatus: null,
      actor: 'test',
      note: `#${i}`,
      at: new Date('2026-06-01T08:00:00Z'),
      alert: false,
      payload: { i },
      ...overrides,
    }));
    const seqs = await appendEvents(client, rows);
    await client.query('COMMIT');
    return seqs;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
