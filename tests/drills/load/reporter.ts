import { randomUUID } from 'node:crypto';
import { INCIDENT_CATEGORIES, SEVERITIES } from '../../../api/contract/codes';
import type { District, DrillKey, GridPoint } from './setup';

/** One report the drill sent, and what came of it. */
export interface SentReport {
  /** Unique text in the description, so the report can be found in the database. */
  token: string;
  idempotencyKey: string;
  /** The incident code the API acknowledged (201, or 200 for a replay), if it did. */
  code: string | null;
  attempts: number;
}

/** What every reporter adds up. */
export interface ReportTally {
  sent: SentReport[];
  /** Milliseconds of every acknowledged attempt. */
  latencies: number[];
  /** Statuses other than 201/200, by status (`0`: the connection failed). */
  statuses: Map<number, number>;
  /** Deliberate repeats of an acknowledged report with the same Idempotency-Key. */
  replays: number;
  /** Repeats that answered with a different incident than the first time. */
  replayMismatches: string[];
}

export function newTally(): ReportTally {
  return { sent: [], latencies: [], statuses: new Map(), replays: 0, replayMismatches: [] };
}

const ATTEMPTS = 6;

/** Points a key may report at: grids inside one of its scopes. */
export function pointsFor(key: DrillKey, district: District): GridPoint[] {
  return district.gridPoints.filter((p) =>
    key.scopes.some((s) => s === district.district || s === p.street || s === p.community),
  );
}

/**
 * Sends reports one after another until `until`, each with its own Idempotency-Key, resending
 * (same key, same body) after a failed connection, a 5xx or a 429 — as a careful client does.
 * Every tenth acknowledged report is sent once more to check the replay names the same incident.
 */
export async function reportUntil(
  base: string,
  keys: DrillKey[],
  district: District,
  until: number,
  pauseMs: number,
  tally: ReportTally,
): Promise<void> {
  const runId = randomUUID().slice(0, 8);
  let n = 0;
  while (Date.now() < until) {
    const key = keys[n % keys.length]!;
    const points = pointsFor(key, district);
    const point = points[Math.floor(Math.random() * points.length)]!;
    const report: SentReport = {
      token: `[drill-load ${runId}-${n}]`,
      idempotencyKey: randomUUID(),
      code: null,
      attempts: 0,
    };
    tally.sent.push(report);
    const body = JSON.stringify({
      category: INCIDENT_CATEGORIES[n % INCIDENT_CATEGORIES.length],
      severity: SEVERITIES[Math.floor(Math.random() * SEVERITIES.length)],
      source: 'patrol',
      description: `负载演练 Load drill ${report.token}`,
      location: { type: 'Point', coordinates: [point.lng, point.lat] },
    });
    report.code = await sendWithRetries(base, key, body, report, tally);
    if (report.code && n % 10 === 0) await replay(base, key, body, report, tally);
    n += 1;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

async function sendWithRetries(
  base: string,
  key: DrillKey,
  body: string,
  report: SentReport,
  tally: ReportTally,
): Promise<string | null> {
  while (report.attempts < ATTEMPTS) {
    report.attempts += 1;
    const started = performance.now();
    const { status, code, retryAfter } = await post(base, key, body, report.idempotencyKey);
    if (status === 201 || status === 200) {
      tally.latencies.push(performance.now() - started);
      return code;
    }
    tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
    const retriable = status === 0 || status === 429 || status >= 500;
    if (!retriable) return null;
    await new Promise((resolve) => setTimeout(resolve, (retryAfter ?? 1) * 1000));
  }
  return null;
}

async function replay(
  base: string,
  key: DrillKey,
  body: string,
  report: SentReport,
  tally: ReportTally,
): Promise<void> {
  tally.replays += 1;
  const { status, code } = await post(base, key, body, report.idempotencyKey);
  if (status !== 200 || code !== report.code) {
    tally.replayMismatches.push(`${report.token}: first ${report.code}, replay ${status} ${code}`);
  }
}

async function post(base: string, key: DrillKey, body: string, idempotencyKey: string) {
  try {
    const response = await fetch(`${base}api/v1/incidents`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${key.key}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': idempotencyKey,
      },
      body,
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    const code =
      response.ok && text
        ? ((JSON.parse(text) as { incident?: { code?: string } }).incident?.code ?? null)
        : null;
    const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
    return { status: response.status, code, retryAfter };
  } catch {
    return { status: 0, code: null, retryAfter: undefined };
  }
}
