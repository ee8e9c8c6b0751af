import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../../api/db/database';
import { pointInGrid, reportBody } from '../incidents/support';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';

// The app's pool reaches the test database through a proxy that can cut every connection at
// once. In the embedded run the database is PGlite behind pglite-socket with one pooled
// connection, as the app runs it: cutting that socket (mid-transaction too) is what the
// embedded database can suffer; in the server run it is a network cut.
const shared = useTestDatabase();
/** Short, so the silently cut path below is noticed soon (the server's default is 60 s). */
const QUERY_TIMEOUT_MS = 3000;
let proxy: TcpProxy;
let db: Database;
let app: ReturnType<typeof createTestApp>;
let key: string;
let point: { lng: number; lat: number };

beforeAll(async () => {
  const target = new URL(inject('databaseUrl'));
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
  const through = new URL(target);
  through.port = String(proxy.port);
  const poolSize = inject('databaseKind') === 'embedded' ? 1 : 4;
  db = await openDatabase({
    databaseUrl: through.toString(),
    dataDir: '',
    poolSize,
    queryTimeoutMs: QUERY_TIMEOUT_MS,
  });
  app = createTestApp(db);
  key = (await makeKey(shared(), 'operator', [(await areaCodes(shared())).district])).key;
  point = await pointInGrid(shared());
});

afterAll(async () => {
  await db?.close();
  await proxy?.close();
});

/** Reports an incident and reads the OGC grids and /readyz; returns each answer. */
function traffic() {
  const headers = { Authorization: `Bearer ${key}` };
  const report = reportBody(point.lng, point.lat, { description: `断线 ${randomUUID()}` });
  return [
    app.request('/api/v1/incidents', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify(report),
    }),
    app.request('/ogc/collections/grids/items?limit=2', { headers }),
    app.request('/readyz'),
  ];
}

/** The status and, for a failure, the body: a failed assertion then says why. */
async function statusAndError(response: Response): Promise<[number, string]> {
  return [response.status, response.ok ? '' : await response.text()];
}

describe('the database connection cut under the app', () => {
  it('answers 503 with Retry-After while cut, never 500, and recovers after each of 24 cuts', async () => {
    const unexpected: string[] = [];
    let cutWhileOpen = 0;
    for (let round = 0; round < 24; round += 1) {
      const answers = [...traffic(), ...traffic()];
      // Cut while the requests are in flight, a little later each round: before any query,
      // inside a transaction, during a query.
      await new Promise((resolve) => setTimeout(resolve, (round % 8) * 4));
      cutWhileOpen += proxy.cut() > 0 ? 1 : 0;
      for (const response of await Promise.all(answers)) {
        const fine =
          response.ok || (response.status === 503 && response.headers.has('Retry-After'));
        if (!fine) unexpected.push(`${response.status} ${await response.text()}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(cutWhileOpen).toBeGreaterThan(12);
    // Every connection was cut more times than pglite-socket allows connections (16 in tests):
    // nothing is left holding a slot or an open transaction, so new work goes through. The last
    // cut may have hit idle connections only; their resets arrive in the next poll of the event
    // loop (setImmediate runs after it), and until then the pool would hand one out (a 503).
    await new Promise((resolve) => setImmediate(resolve));
    const after = await Promise.all(traffic());
    expect(await Promise.all(after.map(statusAndError))).toEqual([
      [201, ''],
      [200, ''],
      [200, ''],
    ]);
  });

  it('answers 503 with Retry-After when the path goes silent (no reset), then recovers', async () => {
    expect((await Promise.all(traffic())).map((r) => r.status)).toEqual([201, 200, 200]);
    proxy.silence();
    // Without a statement timeout these would wait until TCP gives up, many minutes later.
    const during = await Promise.all(traffic());
    for (const response of during) {
      expect(response.status, await response.clone().text()).toBe(503);
      expect(response.headers.has('Retry-After')).toBe(true);
    }
    proxy.cut();
    expect((await Promise.all(traffic())).map((r) => r.status)).toEqual([201, 200, 200]);
  });
});
