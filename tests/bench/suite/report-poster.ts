import http from 'node:http';

/** What one `POST /api/v1/incidents` came to. */
export interface PostOutcome {
  /** HTTP status; 0 when the connection failed. */
  status: number;
  /** The incident code acknowledged (201 created, 200 replayed). */
  code: string | null;
  /** Milliseconds from sending to the last byte of the answer. */
  ms: number;
  /** When the answer was complete (`Date.now()`), for delivery delays. */
  at: number;
}

/**
 * Posts incident reports over kept-alive connections with `node:http` (lighter than fetch, so
 * the load generator takes less of the machine than the API it measures).
 */
export class ReportPoster {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(
    origin: string,
    private readonly key: string,
    sockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
    this.url = new URL('/api/v1/incidents', origin);
  }

  /** Sends one report with its Idempotency-Key. */
  post(body: string, idempotencyKey: string): Promise<PostOutcome> {
    const started = performance.now();
    return new Promise((resolve) => {
      const done = (status: number, text: string) => {
        let code: string | null = null;
        if (status === 200 || status === 201) {
          code = (JSON.parse(text) as { incident?: { code?: string } }).incident?.code ?? null;
        }
        resolve({ status, code, ms: performance.now() - started, at: Date.now() });
      };
      const request = http.request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            Authorization: `Bearer ${this.key}`,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            'Idempotency-Key': idempotencyKey,
          },
          timeout: 60_000,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            done(response.statusCode ?? 0, Buffer.concat(chunks).toString()),
          );
          response.on('error', () => done(0, ''));
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => done(0, ''));
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
