import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../../e2e/support/server';
import { followStream } from '../../support/following-stream';
import {
  creationEvents,
  incidentsByKey,
  listeningBackends,
  loadTargetFrom,
  settleLoad,
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

const alive = (pid: number | undefined) => {
  try {
    return pid !== undefined && process.kill(pid, 0);
  } catch {
    return false;
  }
};

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
    const pid = server!.pid();
    const stream = await followStream(server!.url, server!.adminKey, 'incidents');
    const load = startLoad(target);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await cluster!.stop();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(alive(pid), server!.output().slice(-3000)).toBe(true);
    const down = await waitForReadiness(server!.url, 503);
    expect(down.answer.body).toEqual({ status: 'unavailable' });
    while (load.figures.unavailable < 3 && alive(pid)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await cluster!.start();
    await waitForReadiness(server!.url, 200);
    const figures = await settleLoad(load, target, () => alive(pid));

    expect(alive(pid), server!.output().slice(-3000)).toBe(true);
    expect(figures.failures).toEqual([]);
    expect(figures.noAnswer).toBe(0);
    expect(figures.unavailable).toBeGreaterThan(0);
    expect(figures.unacknowledged.size).toBe(0);

    const found = await incidentsByKey(cluster!.url, [...figures.acknowledged.keys()]);
    const duplicated = [...found.values()].filter((codes) => codes.length !== 1);
    expect(found.size).toBe(figures.acknowledged.size);
    expect(duplicated).toEqual([]);

    const codes = [...figures.acknowledged.values()];
    await stream.waitFor(
      () => codes.every((code) => creationEvents(stream.messages()).counts.has(code)),
      'every acknowledged incident on the stream',
    );
    const seen = creationEvents(stream.messages());
    expect(seen.rising).toBe(true);
    expect(codes.filter((code) => seen.counts.get(code) !== 1)).toEqual([]);
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
