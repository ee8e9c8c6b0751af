import path from 'node:path';
import pg from 'pg';
import {
  checkStored,
  removeBenchIncidents,
  reportPoints,
  startBenchRun,
  type StoredCheck,
} from './bench-incidents';
import { startLoadChild } from './child';
import type { IngestAnswer, IngestRequest } from './ingest-client';
import { pgbenchReports } from './ingest-pgbench';
import { median, percentile, ratios } from './stats';
import type { BenchOptions, Figure, Target, Workload, WorkloadResult } from './types';

const CLIENTS = 16;
const CLIENT_FILE = path.join(import.meta.dirname, 'ingest-client.ts');

interface Rounds {
  rate: number[];
  p50: number[];
  p99: number[];
  reference: number[];
  checks: StoredCheck[];
  answers: IngestAnswer[];
}

/**
 * `ingest`: incident reports from 16 concurrent clients (a child process) for the round's
 * seconds — rate, p50/p99 — and then, by SQL, every acknowledged report stored exactly once
 * under the code the API answered, retries and replays of an Idempotency-Key included. The
 * reference, in the same rounds: pgbench storing the same rows with the same 16 clients.
 * Everything the workload created is deleted afterwards.
 */
export const ingestWorkload: Workload = {
  name: 'ingest',
  async run(env, options) {
    // The API first: on a fresh machine its first start seeds the database.
    const api = await env.startApi();
    const run = await startBenchRun(env.databaseUrl);
    const points = await reportPoints(env.databaseUrl, 400);
    const grids = await countGrids(env.databaseUrl);
    const rounds: Rounds = { rate: [], p50: [], p99: [], reference: [], checks: [], answers: [] };
    try {
      for (let round = 1; round <= options.rounds; round += 1) {
        const request: IngestRequest = {
          ...{ origin: api.origin, key: env.adminKey, clients: CLIENTS },
          ...{ seconds: options.seconds, run, round, points },
        };
        const answer = await generate(request);
        const rate = answer.acknowledged.length / (answer.elapsedMs / 1000);
        rounds.answers.push(answer);
        rounds.rate.push(rate);
        rounds.p50.push(percentile(answer.latencies, 50));
        rounds.p99.push(percentile(answer.latencies, 99));
        rounds.checks.push(await checkStored(env.databaseUrl, run, answer.acknowledged));
        const reference = await pgbenchReports(env.databaseUrl, run, {
          ...{ clients: CLIENTS, seconds: options.seconds, grids, round },
        });
        rounds.reference.push(reference);
        options.log(
          `  round ${round}: ${rate.toFixed(0)} reports/s (p50 ${rounds.p50.at(-1)!.toFixed(0)} ms), pgbench ${reference.toFixed(0)}/s`,
        );
      }
    } finally {
      await api.stop();
      const removed = await removeBenchIncidents(env.databaseUrl, run.floorId);
      options.log(`  removed the ${removed} incidents the workload created`);
    }
    return ingestResult(rounds, options);
  },
};

async function generate(request: IngestRequest): Promise<IngestAnswer> {
  const child = startLoadChild(CLIENT_FILE);
  try {
    return await child.ask<IngestAnswer>(request);
  } finally {
    await child.stop();
  }
}

async function countGrids(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM grids');
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

function ingestResult(rounds: Rounds, options: BenchOptions): WorkloadResult {
  const sum = (pick: (check: StoredCheck) => number) => rounds.checks.map(pick);
  const lost = sum((check) => check.lost).reduce((a, b) => a + b, 0);
  const duplicates = sum((check) => check.duplicates).reduce((a, b) => a + b, 0);
  const mismatches = rounds.answers.reduce((n, a) => n + a.replayMismatches + a.abandoned, 0);
  const refusals = summariseRefusals(rounds.answers);
  const note = `${CLIENTS} clients, ${options.seconds} s a round`;
  const figures: Figure[] = [
    {
      workload: 'ingest',
      name: 'incident reports — Yiping',
      unit: 'reports/s',
      rounds: rounds.rate,
      note,
    },
    { workload: 'ingest', name: 'report latency p50', unit: 'ms', rounds: rounds.p50 },
    { workload: 'ingest', name: 'report latency p99', unit: 'ms', rounds: rounds.p99 },
    {
      workload: 'ingest',
      name: 'same rows by pgbench (reference)',
      unit: 'reports/s',
      rounds: rounds.reference,
      note: 'incident + report event + idempotency key per transaction, no API reads',
    },
    {
      workload: 'ingest',
      name: 'Yiping / pgbench',
      unit: '×',
      rounds: ratios(rounds.rate, rounds.reference),
    },
    {
      workload: 'ingest',
      name: 'acknowledged, stored once',
      unit: 'reports',
      rounds: rounds.checks.map((check) => check.present),
      note: `lost ${lost}, duplicated ${duplicates}, failed replays/abandoned ${mismatches}${refusals}`,
    },
  ];
  const rate = median(rounds.rate);
  const intact = lost === 0 && duplicates === 0 && mismatches === 0;
  const targets: Target[] = [
    {
      name: 'ingest: incident creation',
      target: '≥ 1,000/s, none lost',
      value: rate,
      met: rate >= 1000 && intact,
      detail: intact
        ? `median of ${rounds.rate.length} rounds, ${CLIENTS} clients; pgbench stores ${median(rounds.reference).toFixed(0)}/s`
        : `lost ${lost}, duplicated ${duplicates}, failed replays/abandoned ${mismatches}`,
    },
  ];
  return { figures, targets };
}

function summariseRefusals(answers: readonly IngestAnswer[]): string {
  const total = new Map<string, number>();
  for (const answer of answers) {
    for (const [status, n] of Object.entries(answer.refusals)) {
      total.set(status, (total.get(status) ?? 0) + n);
    }
  }
  if (total.size === 0) return '';
  return `; refused ${[...total].map(([status, n]) => `${n}× ${status === '0' ? 'no answer' : status}`).join(', ')}`;
}
