import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  removeBenchIncidents,
  reportBody,
  reportPoints,
  startBenchRun,
  type BenchRun,
  type ReportPoint,
} from './bench-incidents';
import { startLoadChild, type LoadChild } from './child';
import { ReportPoster, type PostOutcome } from './report-poster';
import { percentile } from './stats';
import type { CollectAnswer, GrowAnswer, SubscriberRequest } from './stream-subscribers';
import { streamResult, type StreamRounds } from './stream-result';
import type { Workload } from './types';

/** Subscriber counts measured in each round, in this order. */
export const SUBSCRIBER_STEPS = [100, 500, 1000] as const;
/** Reports a second while the stream is measured. */
const REPORTS_PER_SECOND = 5;
/** How long after the last report a subscriber may take to get every event before one counts as missed. */
export const DELIVERY_WAIT_MS = 15_000;
/** Pause after the subscribers leave, before the next round measures reports alone. */
const SETTLE_MS = 2000;
const SUBSCRIBER_FILE = path.join(import.meta.dirname, 'stream-subscribers.ts');

/** One phase: reports posted at a steady rate, and what the subscribers made of them. */
interface Phase {
  reports: PostOutcome[];
  delays: number[];
  missed: number;
  /** Reconnections of subscribers so far (the server ended their streams). */
  reconnects: number;
  refusals: Record<string, number>;
}

/**
 * `stream`: the delay from a report's acknowledgement to its `report` event reaching each of
 * 100, 500 and 1,000 live-stream subscribers (a child process, all on the admin key, topic
 * `incidents`) at 5 reports a second, the events never delivered, and the report latency
 * meanwhile against the same reports with no subscriber, measured in each round first.
 */
export const streamWorkload: Workload = {
  name: 'stream',
  async run(env, options) {
    // The API first: on a fresh machine its first start seeds the database.
    const api = await env.startApi();
    const run = await startBenchRun(env.databaseUrl);
    const points = await reportPoints(env.databaseUrl, 200);
    const poster = new ReportPoster(api.origin, env.adminKey, 16);
    const seconds = Math.max(options.seconds, 5);
    const rounds: StreamRounds = { baseline: [], steps: new Map(), reconnects: 0, refusals: {} };
    const child = startLoadChild(SUBSCRIBER_FILE);
    try {
      for (let round = 1; round <= options.rounds; round += 1) {
        const baseline = await postSteadily(poster, run, points, seconds, `${round}-0`);
        rounds.baseline.push(
          percentile(
            baseline.map((r) => r.ms),
            50,
          ),
        );
        for (const total of SUBSCRIBER_STEPS) {
          const grown = await child.ask<GrowAnswer>(
            op({ op: 'grow', origin: api.origin, key: env.adminKey, total }),
          );
          const phase = await measurePhase(
            child,
            poster,
            run,
            points,
            seconds,
            `${round}-${total}`,
          );
          record(rounds, total, phase);
          options.log(
            `  round ${round}, ${grown.connected}/${total} subscribers: delay p50 ${percentile(phase.delays, 50).toFixed(0)} ms, p99 ${percentile(phase.delays, 99).toFixed(0)} ms, missed ${phase.missed}, report p50 ${percentile(
              phase.reports.map((r) => r.ms),
              50,
            ).toFixed(
              0,
            )} ms (alone ${rounds.baseline.at(-1)!.toFixed(0)} ms); reconnections ${phase.reconnects}, refused ${JSON.stringify(phase.refusals)}, reports failed ${failedStatuses(phase.reports)}`,
          );
        }
        await child.ask(op({ op: 'close' }));
        // Let the API finish the closed streams before the next round's baseline.
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      }
    } finally {
      await child.stop();
      poster.close();
      await api.stop();
      const removed = await removeBenchIncidents(env.databaseUrl, run.floorId);
      options.log(`  removed the ${removed} incidents the workload created`);
    }
    return streamResult(rounds, { seconds, rate: REPORTS_PER_SECOND });
  },
};

const op = (request: SubscriberRequest) => request;

/** Posts `REPORTS_PER_SECOND` reports a second for `seconds`, each on schedule (open loop). */
async function postSteadily(
  poster: ReportPoster,
  run: BenchRun,
  points: readonly ReportPoint[],
  seconds: number,
  label: string,
): Promise<PostOutcome[]> {
  const count = seconds * REPORTS_PER_SECOND;
  const interval = 1000 / REPORTS_PER_SECOND;
  const started = performance.now();
  const posts: Promise<PostOutcome>[] = [];
  for (let n = 0; n < count; n += 1) {
    const wait = started + n * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const body = reportBody(run, `s${label}-${n}`, points[n % points.length]!, n);
    posts.push(poster.post(body, randomUUID()));
  }
  return Promise.all(posts);
}

async function measurePhase(
  child: LoadChild,
  poster: ReportPoster,
  run: BenchRun,
  points: readonly ReportPoint[],
  seconds: number,
  label: string,
): Promise<Phase> {
  const reports = await postSteadily(poster, run, points, seconds, label);
  const acknowledged = reports.filter((r) => r.code !== null);
  const codes = acknowledged.map((r) => r.code!);
  const answer = await child.ask<CollectAnswer>(
    op({ op: 'collect', codes, timeoutMs: DELIVERY_WAIT_MS }),
  );
  const delays: number[] = [];
  let missed = 0;
  for (const report of acknowledged) {
    const arrivals = answer.received[report.code!] ?? [];
    missed += answer.subscribers - arrivals.length;
    for (const at of arrivals) delays.push(at - report.at);
  }
  return {
    reports,
    delays,
    missed,
    reconnects: answer.reconnects,
    refusals: answer.refusals,
  };
}

function record(rounds: StreamRounds, total: number, phase: Phase): void {
  const step = rounds.steps.get(total) ?? {
    p50: [],
    p99: [],
    missed: [],
    reportP50: [],
    failedReports: [],
  };
  step.p50.push(percentile(phase.delays, 50));
  step.p99.push(percentile(phase.delays, 99));
  step.missed.push(phase.missed);
  step.failedReports.push(phase.reports.filter((r) => r.code === null).length);
  step.reportP50.push(
    percentile(
      phase.reports.map((r) => r.ms),
      50,
    ),
  );
  rounds.steps.set(total, step);
  rounds.reconnects = Math.max(rounds.reconnects, phase.reconnects);
  rounds.refusals = phase.refusals;
}

/** The statuses of reports that were not acknowledged, e.g. `20 (19× 503, 1× 0)`; `0` for none. */
function failedStatuses(reports: readonly PostOutcome[]): string {
  const counts = new Map<number, number>();
  for (const r of reports)
    if (r.code === null) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const failed = [...counts.values()].reduce((a, b) => a + b, 0);
  if (failed === 0) return '0';
  return `${failed} (${[...counts].map(([status, n]) => `${n}× ${status}`).join(', ')})`;
}
