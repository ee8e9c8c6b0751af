import { randomUUID } from 'node:crypto';

/**
 * Concurrent traffic against a running API while its database goes away: incident reports with
 * an `Idempotency-Key`, reads of the JSON API and the OGC API. Every answer is classified; an
 * answer that is neither a success nor a 503 with `Retry-After` is kept as a failure with its
 * body; requests without an answer at all (the process is gone) are counted apart.
 */
export interface LoadFigures {
  requests: number;
  ok: number;
  /** 503 answers with a `Retry-After` header. */
  unavailable: number;
  /** Reports the server acknowledged (201/200): Idempotency-Key → incident code. */
  acknowledged: Map<string, string>;
  /** Reports sent whose outcome is unknown or refused (no answer, 503): to be resent. */
  unacknowledged: Map<string, object>;
  failures: string[];
  /** Requests that got no HTTP answer (the process was killed, or did not answer in 60 s). */
  noAnswer: number;
}

export interface LoadTarget {
  /** Base URL, with or without a trailing slash. */
  url: string;
  key: string;
  /** Points inside the key's area, to report incidents at. */
  points: readonly { lng: number; lat: number }[];
  /** An incident code to read back. */
  readCode: string;
}

export interface RunningLoad {
  figures: LoadFigures;
  /** Stops sending and resolves once every request in flight has been answered. */
  stop(): Promise<LoadFigures>;
}

/** The body of a drill report; the description names the Idempotency-Key, to find it again. */
export function drillReport(point: { lng: number; lat: number }, key: string) {
  return {
    category: 'city_appearance',
    description: `演练 drill report ${key}`,
    location: { type: 'Point', coordinates: [point.lng, point.lat] },
    source: 'patrol',
    severity: 'medium',
  };
}

/** Sends one report; records its outcome in `figures`. */
export async function sendReport(
  target: LoadTarget,
  figures: LoadFigures,
  key: string,
  body: object,
): Promise<void> {
  const answer = await request(target, 'api/v1/incidents', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
  });
  if (classify(answer, figures, 'POST /api/v1/incidents') && answer.body) {
    const code = (answer.body as { incident?: { code?: string } }).incident?.code;
    if (code) {
      figures.acknowledged.set(key, code);
      figures.unacknowledged.delete(key);
      return;
    }
  }
  figures.unacknowledged.set(key, body);
}

/** Starts `concurrency` workers that send requests until stopped. */
export function startLoad(target: LoadTarget, concurrency = 6): RunningLoad {
  const figures: LoadFigures = {
    requests: 0,
    ok: 0,
    unavailable: 0,
    acknowledged: new Map(),
    unacknowledged: new Map(),
    failures: [],
    noAnswer: 0,
  };
  let stopped = false;
  const worker = async (n: number) => {
    for (let i = 0; !stopped; i += 1) {
      const kind = (n + i) % 4;
      if (kind === 0 || kind === 2) {
        const key = randomUUID();
        const point = target.points[(n + i) % target.points.length]!;
        await sendReport(target, figures, key, drillReport(point, key));
      } else if (kind === 1) {
        const path = `api/v1/incidents/${target.readCode}`;
        classify(await request(target, path), figures, `GET ${path}`);
      } else {
        const path = 'ogc/collections/grids/items?limit=3';
        classify(await request(target, path), figures, `GET ${path}`);
      }
      // A short pause keeps the rate near what the finding used (about 25 requests a second).
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const workers = Array.from({ length: concurrency }, (_, n) => worker(n));
  return {
    figures,
    async stop() {
      stopped = true;
      await Promise.all(workers);
      return figures;
    },
  };
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: unknown;
}

async function request(target: LoadTarget, path: string, init: RequestInit = {}): Promise<Answer> {
  const url = new URL(path, target.url.endsWith('/') ? target.url : `${target.url}/`);
  try {
    const response = await fetch(url, {
      ...init,
      headers: { Authorization: `Bearer ${target.key}`, ...init.headers },
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text for the failure message
    }
    return { status: response.status, retryAfter: response.headers.get('Retry-After'), body };
  } catch (error) {
    return { status: 0, retryAfter: null, body: String(error) };
  }
}

/** True for a success; counts a proper 503; records anything else as a failure. */
function classify(answer: Answer, figures: LoadFigures, what: string): boolean {
  figures.requests += 1;
  if (answer.status === 0) {
    figures.noAnswer += 1;
    return false;
  }
  if (answer.status >= 200 && answer.status < 300) {
    figures.ok += 1;
    return true;
  }
  if (answer.status === 503 && answer.retryAfter !== null && Number(answer.retryAfter) > 0) {
    figures.unavailable += 1;
    return false;
  }
  const detail = JSON.stringify(answer.body).slice(0, 300);
  figures.failures.push(`${what} → ${answer.status} ${detail}`);
  return false;
}

/** Polls `/readyz` until it answers `status` (200 or 503); resolves with the seconds it took. */
export async function waitForReadiness(url: string, status: 200 | 503, timeoutMs = 60_000) {
  const started = Date.now();
  const readyz = new URL('readyz', url.endsWith('/') ? url : `${url}/`);
  while (Date.now() - started < timeoutMs) {
    const answer = await fetch(readyz, { signal: AbortSignal.timeout(10_000) }).then(
      async (r) => ({ status: r.status, body: (await r.json()) as { status: string } }),
      () => null,
    );
    if (answer?.status === status) return { seconds: (Date.now() - started) / 1000, answer };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`/readyz did not answer ${status} within ${timeoutMs} ms`);
}
