import { openStream, type SseMessage } from '../integration/stream/support';

/**
 * A live-stream subscriber that behaves like a browser's EventSource: when the server ends its
 * response (or a connection attempt fails) it reconnects after a short pause with
 * `Last-Event-ID` set to the last id it received, so it should miss nothing and see nothing twice.
 */
export interface FollowingStream {
  /** Every message received, over all connections, in arrival order. */
  messages(): SseMessage[];
  /** How many times it connected again after the first connection. */
  reconnects(): number;
  waitFor(condition: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function followStream(
  base: string,
  key: string,
  topics: string,
  retryMs = 1000,
): Promise<FollowingStream> {
  const done: SseMessage[] = [];
  type Connection = Awaited<ReturnType<typeof openStream>>;
  let current = null as Connection | null;
  let connections = 0;
  let closed = false;
  const all = () => [...done, ...(current?.messages ?? [])];
  const lastId = () => {
    const last = all().at(-1);
    return last?.id ? Number(last.id) : undefined;
  };
  const connect = async () => {
    const stream = await openStream(base.replace(/\/$/, ''), key, {
      topics,
      lastEventId: lastId(),
    });
    connections += 1;
    if (stream.status !== 200) {
      await stream.close();
      throw new Error(`stream answered ${stream.status}`);
    }
    current = stream;
  };
  await connect();
  const loop = (async () => {
    while (!closed) {
      const stream = current;
      if (stream) {
        await stream.waitFor(() => stream.ended || closed, 'the stream to end', 2 ** 31 - 1);
        done.push(...stream.messages);
        current = null;
      }
      if (closed) break;
      await new Promise((resolve) => setTimeout(resolve, retryMs));
      await connect().catch(() => undefined);
    }
  })();
  return {
    messages: all,
    reconnects: () => connections - 1,
    async waitFor(condition, what, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      closed = true;
      await current?.close();
      await loop;
    },
  };
}
