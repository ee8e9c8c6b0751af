import type pg from 'pg';
import { openDatabase } from '../../api/db/database';
import type { TestServer } from '../e2e/support/server';
import { LOAD_SERVER_ENV, loadPlan, type LoadPlan } from './load/plan';
import { newTally, reportUntil, type ReportTally } from './load/reporter';
import {
  createDrillKeys,
  probeBaseline,
  readDistrict,
  type District,
  type DrillKey,
} from './load/setup';
import { Subscriber, TOPIC_MIXES } from './load/subscriber';
import { readTilesUntil, type TileTally } from './load/tiles';
import { checkReports, checkSubscribers } from './load/verify';
import {
  drillDatabase,
  readDrillOptions,
  reportDrill,
  startDrillServer,
  type DrillDatabase,
} from './support';

/**
 * The load drill: against the real server (small seed, simulator off, so every event in the run
 * is the drill's own), sustained incident reports with Idempotency-Keys from keys of several
 * roles and scopes, 200 live-stream subscribers over district, street and community scopes and
 * several topic mixes (some dropped mid-run, resuming with Last-Event-ID as a browser does),
 * and vector-tile traffic across the district — for about 3 minutes (`--short`: 40 s).
 * Afterwards, with the server stopped, the database must hold every acknowledged report exactly
 * once, and every subscriber must have received exactly the events of its scope and topics
 * after the baseline, once each and in order. Figures are measured, not judged.
 *
 *   node --import tsx tests/drills/load.ts [--short] [--db embedded|server]
 */
const options = readDrillOptions();
const plan = loadPlan(options);
const figures: Record<string, string | number> = {};
const failures: string[] = [];
const db = await drillDatabase(options.db);
let server: TestServer | undefined;
try {
  server = await startDrillServer(db, LOAD_SERVER_ENV);
  await drill(server, db, plan);
} catch (error) {
  failures.push(`drill stopped: ${(error as Error).stack ?? String(error)}`);
} finally {
  await server?.stop();
  await db.drop();
}
reportDrill('load', options, figures, failures);

async function drill(server: TestServer, db: DrillDatabase, plan: LoadPlan): Promise<void> {
  const district = await readDistrict(server);
  const keys = await createDrillKeys(server, district);
  const baseline = await probeBaseline(server);
  const subscribers = await connectSubscribers(server, keys.readers, baseline, plan);

  const reports = newTally();
  const tiles: TileTally = { served: 0, statuses: new Map() };
  const loadStarted = Date.now();
  await runLoad(server, district, keys, plan, subscribers, reports, tiles);
  const loadMs = Date.now() - loadStarted;

  await drain(subscribers, plan);
  await Promise.all(subscribers.map((s) => s.stop()));
  if (!server.isRunning()) failures.push(`the server process died:\n${server.output()}`);
  await server.halt();

  const database = await openDatabase({
    databaseUrl: db.env.DATABASE_URL || undefined,
    dataDir: server.dataDir,
    poolSize: 2,
  });
  try {
    await judge(database.pool, baseline, subscribers, reports, tiles, loadMs);
  } finally {
    await database.close();
  }
}

/** The subscribers, each key with each topic mix in turn, all from the baseline. */
async function connectSubscribers(
  server: TestServer,
  readers: DrillKey[],
  baseline: number,
  plan: LoadPlan,
): Promise<Subscriber[]> {
  const subscribers = Array.from({ length: plan.subscribers }, (_, i) => {
    const key = readers[i % readers.length]!;
    const topics = TOPIC_MIXES[Math.floor(i / readers.length) % TOPIC_MIXES.length];
    return new Subscriber(server.url, key, topics, baseline);
  });
  const started = Date.now();
  subscribers.forEach((sub) => sub.start());
  await waitFor(() => subscribers.every((s) => s.connected), 180_000, 'subscribers to connect');
  figures.subscribers = `${subscribers.length} (connected in ${seconds(Date.now() - started)})`;
  return subscribers;
}

/** After the load: waits until every subscriber is connected and has had nothing new for a while. */
async function drain(subscribers: Subscriber[], plan: LoadPlan): Promise<void> {
  const started = Date.now();
  const quiet = () => {
    const now = Date.now();
    return subscribers.every((s) => s.connected && now - s.lastMessageAt >= plan.quietMs);
  };
  await waitFor(quiet, plan.drainTimeoutMs, 'the stream to go quiet').catch((error: Error) =>
    failures.push(error.message),
  );
  figures['caught up in'] = seconds(Date.now() - started - plan.quietMs);
}

async function runLoad(
  server: TestServer,
  district: District,
  keys: Awaited<ReturnType<typeof createDrillKeys>>,
  plan: LoadPlan,
  subscribers: Subscriber[],
  reports: ReportTally,
  tiles: TileTally,
): Promise<void> {
  const until = Date.now() + plan.durationMs;
  const blipEvery = plan.durationMs / (plan.blips + 1);
  const blips = setInterval(() => {
    subscribers[Math.floor(Math.random() * subscribers.length)]!.drop();
  }, blipEvery);
  const progress = setInterval(() => {
    const delivered = subscribers.reduce((n, s) => n + s.received.length, 0);
    process.stdout.write(
      `  load: ${reports.latencies.length} reports acknowledged, ${delivered} events delivered, ${tiles.served} tiles\n`,
    );
  }, 10_000);
  try {
    await Promise.all([
      ...Array.from({ length: plan.reporters }, (_, i) =>
        reportUntil(
          server.url,
          rotate(keys.reporters, i),
          district,
          until,
          plan.reportPauseMs,
          reports,
        ),
      ),
      ...Array.from({ length: plan.tileReaders }, () =>
        readTilesUntil(server.url, keys.tiles, district, until, tiles),
      ),
    ]);
  } finally {
    clearInterval(blips);
    clearInterval(progress);
  }
}

async function judge(
  pool: pg.Pool,
  baseline: number,
  subscribers: Subscriber[],
  reports: ReportTally,
  tiles: TileTally,
  loadMs: number,
): Promise<void> {
  const stored = await checkReports(pool, reports.sent);
  const stream = await checkSubscribers(pool, baseline, subscribers);
  const answers = answersOf(reports, tiles, subscribers);
  failures.push(...stored.failures, ...stream.failures, ...reports.replayMismatches);
  failures.push(...answers.failures);
  const rate = (n: number) => `${(n / (loadMs / 1000)).toFixed(1)}/s`;
  const latency = (p: number) => percentile(reports.latencies, p);
  Object.assign(figures, {
    reports: `${stored.acknowledged} acknowledged / ${stored.present} present / ${stored.duplicates} duplicates`,
    'report rate': rate(stored.acknowledged),
    'report latency p50/p95': `${latency(50)}/${latency(95)} ms`,
    retries: reports.sent.reduce((n, r) => n + r.attempts - 1, 0),
    replays: reports.replays,
    'events expected': stream.expected,
    'events delivered': stream.delivered,
    missing: stream.missing,
    duplicated: stream.duplicated,
    'out of order': stream.outOfOrder,
    'outside scope': stream.unexpected,
    reconnects: `${sum(subscribers, (s) => s.reconnects)} (${sum(subscribers, (s) => s.drops)} dropped on purpose)`,
    'tiles served': `${tiles.served} (${rate(tiles.served)})`,
    '5xx': answers.count((s) => s >= 500),
    'no answer': answers.count((s) => s === 0),
  });
}

/**
 * Answers other than success across reports, tiles and stream connections. A 503 (the server
 * shedding load, with Retry-After) and 429 are measured; any other 5xx or 4xx, and a report
 * never acknowledged after all its attempts, fail the drill.
 */
function answersOf(reports: ReportTally, tiles: TileTally, subscribers: Subscriber[]) {
  const stream = new Map<number, number>();
  for (const sub of subscribers) {
    for (const [status, n] of sub.refusals) stream.set(status, (stream.get(status) ?? 0) + n);
  }
  const all = [reports.statuses, tiles.statuses, stream].flatMap((m) => [...m]);
  const count = (test: (status: number) => boolean) =>
    all.reduce((n, [status, k]) => n + (test(status) ? k : 0), 0);
  const where = `reports ${show(reports.statuses)}, tiles ${show(tiles.statuses)}, stream ${show(stream)}`;
  const failures: string[] = [];
  if (count((s) => s >= 500 && s !== 503)) failures.push(`server errors: ${where}`);
  if (count((s) => s >= 400 && s < 500 && s !== 429)) failures.push(`refused with 4xx: ${where}`);
  const never = reports.sent.filter((r) => r.code === null).length;
  if (never) failures.push(`${never} reports never acknowledged: ${where}`);
  return { count, failures };
}

function sum<T>(items: T[], of: (item: T) => number): number {
  return items.reduce((n, item) => n + of(item), 0);
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${seconds(timeoutMs)} waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function rotate<T>(list: T[], by: number): T[] {
  return [...list.slice(by % list.length), ...list.slice(0, by % list.length)];
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

function show(statuses: Map<number, number>): string {
  return statuses.size ? [...statuses].map(([s, n]) => `${s}×${n}`).join(' ') : 'none';
}

function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}
