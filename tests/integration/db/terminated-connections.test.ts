import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../../e2e/support/server';
import { followStream } from '../../support/following-stream';
import {
  incidentsByKey,
  listeningBackends,
  loadTargetFrom,
  settleLoad,
  streamedCreations,
} from '../../support/outage-checks';
import { startLoad, waitForReadiness, type LoadTarget } from '../../support/outage-load';

// pg_terminate_backend needs a PostgreSQL server: the embedded database has no backends to end
// (its own failure, a cut socket, is in cut-connections.test.ts).
const runs = inject('databaseKind') === 'server';
const reason = runs ? '' : ' (skipped: server run only — needs DATABASE_URL)';
// The server's connections carry this name (pg reads PGAPPNAME), so only they are terminated.
const applicationName = `yiping-terminate-${randomBytes(4).toString('hex')}`;

let server: TestServer | undefined;
let target: LoadTarget;

async function terminateApiBackends(): Promise<number> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const result = await client.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`,
      [applicationName],
    );
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

describe.skipIf(!runs)(`the API when its connections are terminated${reason}`, () => {
  beforeAll(async () => {
    server = await startServer({
      DATABASE_URL: inject('databaseUrl'),
      PGAPPNAME: applicationName,
      YIPING_SERVE_WEB: 'off',
      YIPING_LOG: 'json',
    });
    target = await loadTargetFrom(inject('databaseUrl'), server.url, server.adminKey);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('survives pg_terminate_backend under load: only 503s with Retry-After, then recovery with LISTEN', async () => {
    const stream = await followStream(server!.url, server!.adminKey, 'incidents');
    const listenersBefore = await waitForListener([]);
    const load = startLoad(target);
    let terminated = 0;
    for (let round = 0; round < 5 && server!.isRunning(); round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 700));
      terminated += await terminateApiBackends();
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(server!.isRunning(), server!.output().slice(-3000)).toBe(true);
    await waitForReadiness(server!.url, 200).catch(() => undefined);
    const figures = await settleLoad(load, target, server!.isRunning);

    expect(server!.isRunning(), server!.output().slice(-3000)).toBe(true);
    expect(terminated).toBeGreaterThan(5);
    expect(figures.failures).toEqual([]);
    expect(figures.noAnswer).toBe(0);
    expect(figures.unacknowledged.size).toBe(0);
    const found = await incidentsByKey(inject('databaseUrl'), [...figures.acknowledged.keys()]);
    expect(found.size).toBe(figures.acknowledged.size);
    expect([...found.values()].filter((codes) => codes.length !== 1)).toEqual([]);

    const streamed = await streamedCreations(stream, [...figures.acknowledged.values()]);
    expect(streamed).toEqual({ missing: [], twice: [], rising: true });
    // The LISTEN connection was terminated too and came back by itself, as a new backend.
    const listenersAfter = await waitForListener(listenersBefore);
    await stream.close();
    expect(listenersAfter).toHaveLength(1);
  }, 240_000);
});

/** Waits until one LISTEN backend of the server exists that is not among `old`. */
async function waitForListener(old: number[]): Promise<number[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const pids = await listeningBackends(inject('databaseUrl'), applicationName);
    if ((pids.length > 0 && pids.every((p) => !old.includes(p))) || Date.now() > deadline) {
      return pids;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
