/**
 * The ingest workload's load generator (a child process of the bench): `clients` loops that
 * each report incidents one after another for `seconds`, every report with its own
 * Idempotency-Key, resent with the same key after a failed connection, a 5xx or a 429 as a
 * careful client does; every tenth acknowledged report is sent once more, which must name the
 * same incident and create nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Acknowledged, BenchRun, ReportPoint } from './bench-incidents';
import { reportBody } from './bench-incidents';
import { serveParent } from './child';
import { ReportPoster } from './report-poster';

/** What the parent asks for. */
export interface IngestRequest {
  origin: string;
  key: string;
  clients: number;
  seconds: number;
  run: BenchRun;
  /** Distinguishes the tokens of rounds. */
  round: number;
  points: ReportPoint[];
}

/** What the child answers. */
export interface IngestAnswer {
  acknowledged: Acknowledged[];
  /** Milliseconds of every acknowledged first report (replays not included). */
  latencies: number[];
  /** Answers other than 200/201, by status (`0`: no answer). */
  refusals: Record<string, number>;
  /** Reports given up after all attempts. */
  abandoned: number;
  replays: number;
  /** Replays that did not answer 200 with the first incident's code. */
  replayMismatches: number;
  elapsedMs: number;
}

const ATTEMPTS = 5;

async function ingest(request: IngestRequest): Promise<IngestAnswer> {
  const poster = new ReportPoster(request.origin, request.key, request.clients);
  const answer: IngestAnswer = {
    acknowledged: [],
    latencies: [],
    refusals: {},
    abandoned: 0,
    replays: 0,
    replayMismatches: 0,
    elapsedMs: 0,
  };
  const started = performance.now();
  const until = started + request.seconds * 1000;
  const loop = async (client: number) => {
    for (let n = 0; performance.now() < until; n += 1) {
      const token = `${request.round}-${client}-${n}`;
      const point = request.points[(client * 7919 + n) % request.points.length]!;
      const body = reportBody(request.run, token, point, n);
      const idempotencyKey = randomUUID();
      const code = await postWithRetries(poster, body, idempotencyKey, answer);
      if (code === null) continue;
      answer.acknowledged.push({ token, code });
      if (n % 10 === 0) {
        answer.replays += 1;
        const again = await poster.post(body, idempotencyKey);
        if (again.status !== 200 || again.code !== code) answer.replayMismatches += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: request.clients }, (_, client) => loop(client)));
  answer.elapsedMs = performance.now() - started;
  poster.close();
  return answer;
}

async function postWithRetries(
  poster: ReportPoster,
  body: string,
  idempotencyKey: string,
  answer: IngestAnswer,
): Promise<string | null> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const outcome = await poster.post(body, idempotencyKey);
    if ((outcome.status === 201 || outcome.status === 200) && outcome.code) {
      answer.latencies.push(outcome.ms);
      return outcome.code;
    }
    answer.refusals[outcome.status] = (answer.refusals[outcome.status] ?? 0) + 1;
    if (!(outcome.status === 0 || outcome.status === 429 || outcome.status >= 500)) break;
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
  answer.abandoned += 1;
  return null;
}

serveParent((message) => ingest(message as IngestRequest));
