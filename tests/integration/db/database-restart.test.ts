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
import {
  canRunPrivateCluster,
  startPrivateCluster,
  type PrivateCluster,
} from '../../support/private-cluster';

// A private cluster is stopped and started here, so this runs only in the server run (where
// PostgreSQL 15 is installed) and as root (initdb and pg_ctl run as the postgres user).
const runs = inject('databaseKind') === 'server' && canRunPrivateCluster();
const reason = runs ? '' : ' (skipped: server run only — needs DATABASE_URL and root)';

let cluster: PrivateCluster | undefined;
let server: TestServer | undefined;
let target: LoadTarget;

describe.skipIf(!runs)(`the API while PostgreSQL restarts${reason}`, () => {
  beforeAll(async () => {
    cluster = await startPrivateCluster();
    server = await startServer({
      DATABASE_URL: cluster.url,
      YIPING_SERVE_WEB: 'off',
      YIPING_LOG: 'json',
    });
    target = await loadTargetFrom(cluster.url, server.url, server.adminKey);
  });

  afterAll(async () => {
    await server?.stop();
    await cluster?.destroy();
  });

  it('stays up, answers 503 with Retry-After meanwhile and recovers by itself, LISTEN included', async () => {
    const stream = await followStream(server!.url, server!.adminKey, 'incidents');
    const load = startLoad(target);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await cluster!.stop();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(server!.isRunning(), server!.output().slice(-3000)).toBe(true);
    const down = await waitForReadiness(server!.url, 503);
    expect(down.answer.body).toEqual({ status: 'unavailable' });
    while (load.figures.unavailable < 3 && server!.isRunning()) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await cluster!.start();
    await waitForReadiness(server!.url, 200);
    const figures = await settleLoad(load, target, server!.isRunning);

    expect(server!.isRunning(), server!.output().slice(-3000)).toBe(true);
    expect(figures.failures).toEqual([]);
    expect(figures.noAnswer).toBe(0);
    expect(figures.unavailable).toBeGreaterThan(0);
    expect(figures.unacknowledged.size).toBe(0);

    const found = await incidentsByKey(cluster!.url, [...figures.acknowledged.keys()]);
    const duplicated = [...found.values()].filter((codes) => codes.length !== 1);
    expect(found.size).toBe(figures.acknowledged.size);
    expect(duplicated).toEqual([]);

    const streamed = await streamedCreations(stream, [...figures.acknowledged.values()]);
    expect(streamed).toEqual({ missing: [], twice: [], rising: true });
    // The stream stayed subscribed throughout: its hub's LISTEN connection came back by itself.
    let listeners: number[] = [];
    const deadline = Date.now() + 30_000;
    while (listeners.length === 0 && Date.now() < deadline) {
      listeners = await listeningBackends(cluster!.url);
      if (listeners.length === 0) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await stream.close();
    expect(listeners).toHaveLength(1);
  }, 240_000);
});
