import type { DrillKey } from './setup';

/**
 * A live-stream subscriber that behaves like a browser's EventSource: it reads
 * `GET /api/v1/stream`, and when the connection ends — the server dropped it as too slow, the
 * network blipped, `drop()` was called — it waits the server's `retry:` delay and reconnects
 * with `Last-Event-ID` set to the last id it received. It records every event id it gets, so the
 * drill can compare them with the event log afterwards.
 */
export class Subscriber {
  /** Event sequence numbers in the order they arrived (duplicates included). */
  readonly received: number[] = [];
  duplicates = 0;
  outOfOrder = 0;
  /** Reconnections after the server or the network ended a connection. */
  reconnects = 0;
  /** Connections the drill dropped on purpose. */
  drops = 0;
  /** Answers other than 200 when (re)connecting, by status. */
  readonly refusals = new Map<number, number>();
  lastSeq: number;
  lastMessageAt = 0;
  connected = false;
  private readonly seen = new Set<number>();
  private retryMs = 3000;
  private stopped = false;
  private current: AbortController | null = null;
  private running: Promise<void> | null = null;

  constructor(
    readonly base: string,
    readonly key: DrillKey,
    /** The `topics` query (`undefined`: all topics). */
    readonly topics: string | undefined,
    /** The first Last-Event-ID: the drill's baseline. */
    from: number,
  ) {
    this.lastSeq = from;
  }

  start(): void {
    this.running = this.follow();
  }

  /** Drops the current connection, as a network blip would; the subscriber reconnects. */
  drop(): void {
    if (!this.current) return;
    this.drops += 1;
    this.current.abort();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.current?.abort();
    await this.running;
  }

  private async follow(): Promise<void> {
    let first = true;
    while (!this.stopped) {
      if (!first) {
        this.reconnects += 1;
        await new Promise((resolve) => setTimeout(resolve, this.retryMs));
        if (this.stopped) break;
      }
      first = false;
      await this.connectOnce().catch(() => undefined);
      this.connected = false;
      this.current = null;
    }
  }

  private async connectOnce(): Promise<void> {
    const controller = new AbortController();
    this.current = controller;
    const query = this.topics ? `?topics=${this.topics}` : '';
    const response = await fetch(`${this.base}api/v1/stream${query}`, {
      headers: {
        Authorization: `Bearer ${this.key.key}`,
        Accept: 'text/event-stream',
        'Last-Event-ID': String(this.lastSeq),
      },
      signal: controller.signal,
    });
    if (response.status !== 200 || !response.body) {
      this.refusals.set(response.status, (this.refusals.get(response.status) ?? 0) + 1);
      await response.body?.cancel();
      return;
    }
    this.connected = true;
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        this.onFrame(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 2);
      }
    }
  }

  private onFrame(frame: string): void {
    let id: string | null = null;
    for (const line of frame.split('\n')) {
      if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('retry:')) this.retryMs = Number(line.slice(6).trim()) || 3000;
    }
    if (id === null) return;
    const seq = Number(id);
    this.received.push(seq);
    this.lastMessageAt = Date.now();
    if (this.seen.has(seq)) this.duplicates += 1;
    else if (seq < this.lastSeq) this.outOfOrder += 1;
    this.seen.add(seq);
    this.lastSeq = Math.max(this.lastSeq, seq);
  }
}

/** Topic mixes the subscribers cycle through (`undefined`: all topics, as the wall screen asks). */
export const TOPIC_MIXES: (string | undefined)[] = [
  undefined,
  'incidents',
  'alerts',
  'incidents,members',
  'members,cameras,alerts',
];
