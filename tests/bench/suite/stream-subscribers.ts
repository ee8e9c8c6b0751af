/**
 * The stream workload's subscribers (a child process of the bench): up to a thousand
 * `GET /api/v1/stream?topics=incidents` connections, each noting when every `report` event
 * arrived, by incident code. A connection the server ends is reopened after a second with
 * `Last-Event-ID`, as a browser's EventSource does, so a missed event is one never delivered.
 */
import http from 'node:http';
import { serveParent } from './child';

/** The parent's requests, one at a time. */
export type SubscriberRequest =
  | { op: 'grow'; origin: string; key: string; total: number }
  | { op: 'collect'; codes: string[]; timeoutMs: number }
  | { op: 'close' };

/** Answer to `grow`. */
export interface GrowAnswer {
  connected: number;
}

/** Answer to `collect`: per code, when each subscriber received it (ms since the epoch). */
export interface CollectAnswer {
  received: Record<string, number[]>;
  subscribers: number;
  reconnects: number;
  /** Failed (re)connections: HTTP status, or `error` for a failed connection, by count. */
  refusals: Record<string, number>;
}

const refusals: Record<string, number> = {};
const refuse = (why: string) => (refusals[why] = (refusals[why] ?? 0) + 1);

const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

class Subscriber {
  readonly arrivals = new Map<string, number>();
  connected = false;
  reconnects = 0;
  private lastId: string | null = null;
  private request: http.ClientRequest | null = null;
  private closed = false;
  private retrying = false;

  constructor(
    private readonly origin: string,
    private readonly key: string,
  ) {}

  /** Connects; resolves once the server has answered 200 (or rejects). */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${this.key}`,
        Accept: 'text/event-stream',
      };
      if (this.lastId) headers['Last-Event-ID'] = this.lastId;
      const url = new URL('/api/v1/stream?topics=incidents', this.origin);
      this.request = http.get(url, { agent, headers }, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          refuse(String(response.statusCode));
          reject(new Error(`stream answered ${response.statusCode}`));
          return;
        }
        this.connected = true;
        resolve();
        this.read(response);
      });
      this.request.on('error', (error) => {
        if (!this.connected && !this.closed) refuse('error');
        this.connected = false;
        reject(error);
      });
    });
  }

  private read(response: http.IncomingMessage): void {
    let buffer = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      const at = Date.now();
      buffer += chunk;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        this.frame(buffer.slice(0, cut), at);
        buffer = buffer.slice(cut + 2);
      }
    });
    response.on('close', () => {
      this.connected = false;
      if (!this.closed) this.retry();
    });
  }

  /** Reconnects a second from now (and again after each failure), from the last id received. */
  retry(): void {
    if (this.retrying) return;
    this.retrying = true;
    setTimeout(() => {
      this.retrying = false;
      if (this.closed) return;
      this.reconnects += 1;
      this.open().catch(() => this.retry());
    }, 1000);
  }

  private frame(frame: string, at: number): void {
    let data = '';
    for (const line of frame.split('\n')) {
      if (line.startsWith('id:')) this.lastId = line.slice(3).trim();
      else if (line.startsWith('data:')) data += line.slice(5).trim();
    }
    if (!data) return;
    const event = JSON.parse(data) as { type?: string; subject?: string };
    if (event.type === 'report' && event.subject && !this.arrivals.has(event.subject)) {
      this.arrivals.set(event.subject, at);
    }
  }

  close(): void {
    this.closed = true;
    this.request?.destroy();
  }
}

const subscribers: Subscriber[] = [];

async function grow(origin: string, key: string, total: number): Promise<GrowAnswer> {
  const batch = 50;
  while (subscribers.length < total) {
    const fresh = Array.from({ length: Math.min(batch, total - subscribers.length) }, () => {
      const subscriber = new Subscriber(origin, key);
      subscribers.push(subscriber);
      return subscriber;
    });
    await Promise.all(fresh.map((subscriber) => subscriber.open().catch(() => subscriber.retry())));
  }
  return { connected: subscribers.filter((s) => s.connected).length };
}

async function collect(codes: string[], timeoutMs: number): Promise<CollectAnswer> {
  const deadline = Date.now() + timeoutMs;
  const complete = () => subscribers.every((s) => codes.every((code) => s.arrivals.has(code)));
  while (!complete() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const received: Record<string, number[]> = {};
  for (const code of codes) {
    received[code] = subscribers.flatMap((s) =>
      s.arrivals.has(code) ? [s.arrivals.get(code)!] : [],
    );
  }
  for (const subscriber of subscribers) subscriber.arrivals.clear();
  const reconnects = subscribers.reduce((n, s) => n + s.reconnects, 0);
  return { received, subscribers: subscribers.length, reconnects, refusals: { ...refusals } };
}

serveParent(async (message) => {
  const request = message as SubscriberRequest;
  if (request.op === 'grow') return grow(request.origin, request.key, request.total);
  if (request.op === 'collect') return collect(request.codes, request.timeoutMs);
  for (const subscriber of subscribers.splice(0)) subscriber.close();
  return { closed: true };
});
