import { openDatabase } from '../../api/db/database';
import { startServer, type TestServer } from '../e2e/support/server';
import { followStream } from '../support/following-stream';
import { incidentsByKey, loadTargetFromApi, streamedCreations } from '../support/outage-checks';
import {
  drillReport,
  sendReport,
  startLoad,
  waitForReadiness,
  type LoadFigures,
  type LoadTarget,
} from '../support/outage-load';
import { canRunPrivateCluster, startPrivateCluster } from '../support/private-cluster';
import {
  drillDatabase,
  readDrillOptions,
  reportDrill,
  startDrillServer,
  type DrillOptions,
} from './support';

/**
 * The `faults` drill (issue 12):
 *
 * 1. `kill -9` of the API during concurrent incident reports with Idempotency-Keys, a restart,
 *    and every request sent again: every acknowledged report is present exactly once, and a
 *    resent acknowledged report returns the same incident (both databases; for the embedded
 *    one this is also the kill of the database, which lives in the API process).
 * 2. Server only: a private PostgreSQL cluster restarted under load three times in a row —
 *    503 with `Retry-After` meanwhile, recovery without restarting the API, nothing
 *    acknowledged lost, and a live stream subscriber (reconnecting with `Last-Event-ID` when the
 *    server ends its response) receives every acknowledged report's creation event once.
 *
 *   node --import tsx tests/drills/faults.ts [--short] [--db embedded|server]
 */

const options = readDrillOptions();
const failures: string[] = [];
const figures: Record<string, string | number> = {};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends every report again; an acknowledged one must come back as the same incident. */
async function resendAll(target: LoadTarget, load: LoadFigures, sent: Map<string, object>) {
  const before = new Map(load.acknowledged);
  for (let round = 0; round < 10; round += 1) {
    const pending = [...sent].filter(([key]) => round === 0 || !load.acknowledged.has(key));
    if (pending.length === 0) break;
    for (const [key, body] of pending) await sendReport(target, load, key, body);
    await sleep(500);
  }
  for (const [key, code] of before) {
    if (load.acknowledged.get(key) !== code) {
      failures.push(`resent ${key} came back as ${load.acknowledged.get(key)}, first ${code}`);
    }
  }
}

/** Every acknowledged key present exactly once in the database. */
function checkPresence(stage: string, load: LoadFigures, found: Map<string, string[]>) {
  let missing = 0;
  let duplicates = 0;
  for (const [key, code] of load.acknowledged) {
    const codes = found.get(key) ?? [];
    if (codes.length === 0) missing += 1;
    if (codes.length > 1) duplicates += 1;
    if (codes.length !== 1 || codes[0] !== code) {
      failures.push(`${stage}: ${key} acknowledged as ${code}, found [${codes.join(', ')}]`);
    }
  }
  figures[`${stage} acknowledged`] = load.acknowledged.size;
  figures[`${stage} found`] = load.acknowledged.size - missing;
  figures[`${stage} duplicates`] = duplicates;
  failures.push(...load.failures.slice(0, 20).map((f) => `${stage}: ${f}`));
}

/** All reports the load sent, acknowledged or not, by key. */
function sentReports(target: LoadTarget, load: LoadFigures): Map<string, object> {
  const sent = new Map<string, object>(load.unacknowledged);
  for (const key of load.acknowledged.keys()) sent.set(key, drillReport(target.points[0]!, key));
  return sent;
}

async function killDuringWrites(opts: DrillOptions): Promise<void> {
  const db = await drillDatabase(opts.db);
  let server: TestServer | undefined;
  try {
    server = await startDrillServer(db);
    const target = await loadTargetFromApi(server.url, server.adminKey);
    // Every report of this stage at the same point, so a resend repeats the request exactly.
    const fixed = { ...target, points: [target.points[0]!] };
    const load = startLoad(fixed, 8);
    await sleep(opts.short ? 4000 : 15_000);
    await server.halt('SIGKILL');
    const killed = await load.stop();
    figures['kill -9 unanswered'] = killed.noAnswer;
    const sent = sentReports(fixed, killed);
    await server.restart();
    await resendAll(fixed, killed, sent);
    if (killed.unacknowledged.size > 0) {
      failures.push(`kill: ${killed.unacknowledged.size} reports never acknowledged after restart`);
    }
    const keys = [...killed.acknowledged.keys()];
    let found: Map<string, string[]>;
    if (db.kind === 'embedded') {
      await server.halt();
      const direct = await openDatabase({ databaseUrl: undefined, dataDir: server.dataDir });
      found = await incidentsByKey(direct.pool, keys).finally(() => direct.close());
    } else {
      found = await incidentsByKey(db.env.DATABASE_URL!, keys);
    }
    checkPresence('kill', killed, found);
  } finally {
    await server?.stop();
    await db.drop();
  }
}

async function restartPostgres(opts: DrillOptions): Promise<void> {
  const cluster = await startPrivateCluster();
  let server: TestServer | undefined;
  try {
    server = await startServer({
      YIPING_SERVE_WEB: 'off',
      YIPING_LOG: 'json',
      DATABASE_URL: cluster.url,
    });
    const target = await loadTargetFromApi(server.url, server.adminKey);
    const stream = await followStream(server.url, server.adminKey, 'incidents');
    const load = startLoad(target, 8);
    const recoveries: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      await sleep(opts.short ? 3000 : 10_000);
      const started = Date.now();
      await cluster.restart();
      await waitForReadiness(server.url, 200, 60_000);
      const acknowledged = load.figures.acknowledged.size;
      while (load.figures.acknowledged.size === acknowledged && Date.now() - started < 60_000) {
        await sleep(100);
      }
      recoveries.push((Date.now() - started) / 1000);
    }
    await sleep(2000);
    const done = await load.stop();
    const sent = new Map(done.unacknowledged);
    for (const [key, body] of sent) await sendReport(target, done, key, body);
    if (!server.isRunning()) failures.push(`restart: the API process died:\n${server.output()}`);
    if (done.noAnswer > 0) failures.push(`restart: ${done.noAnswer} requests got no answer`);
    figures['pg restarts'] = 3;
    figures['503s seen'] = done.unavailable;
    figures['recovery s (max)'] = Math.max(...recoveries).toFixed(1);
    checkPresence(
      'restart',
      done,
      await incidentsByKey(cluster.url, [...done.acknowledged.keys()]),
    );
    const codes = [...done.acknowledged.values()];
    const { missing, twice, rising } = await streamedCreations(stream, codes);
    figures['stream events'] = codes.length - missing.length;
    figures['stream reconnects'] = stream.reconnects();
    if (missing.length > 0) failures.push(`stream: missing ${missing.slice(0, 10).join(', ')}`);
    if (twice.length > 0) failures.push(`stream: received twice ${twice.slice(0, 10).join(', ')}`);
    if (!rising) failures.push('stream: event ids did not rise');
    await stream.close();
  } finally {
    await server?.stop();
    await cluster.destroy();
  }
}

async function main() {
  const started = Date.now();
  await killDuringWrites(options);
  if (options.db === 'server' && canRunPrivateCluster()) await restartPostgres(options);
  else if (options.db === 'server') figures['pg restarts'] = 'skipped (needs root for pg_ctl)';
  figures.seconds = ((Date.now() - started) / 1000).toFixed(0);
  reportDrill('faults', options, figures, failures);
}

main().catch((error: Error) => {
  failures.push(`drill crashed: ${error.stack ?? error.message}`);
  reportDrill('faults', options, figures, failures);
});
