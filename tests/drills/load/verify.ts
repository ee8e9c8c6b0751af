import type pg from 'pg';
import type { SentReport } from './reporter';
import type { Subscriber } from './subscriber';

/**
 * The drill's checks, made straight in the database after the server has stopped, with the
 * stream's visibility rule spelled out here rather than borrowed from the stream code:
 *
 * - scope: an event is visible to a key when its `scope_code` (grid, community or street code)
 *   starts with the significant digits of one of the key's scopes — 6 for a district code
 *   (ending in 000000), 9 for a street (ending in 000), all 12 for a community;
 * - topics: a subscriber gets the events of the table topics it asked for (all of incidents,
 *   members and cameras when it named none), and with `alerts` every alert-flagged event too;
 * - each exactly once, in sequence order, after the Last-Event-ID it first connected with.
 */
const EXPECTED_SQL = `
  SELECT seq FROM incident_events e
   WHERE seq > $1
     AND EXISTS (
       SELECT 1 FROM unnest($2::text[]) AS s(code)
        WHERE e.scope_code LIKE (CASE WHEN s.code LIKE '%000000' THEN left(s.code, 6)
                                      WHEN s.code LIKE '%000' THEN left(s.code, 9)
                                      ELSE s.code END) || '%')
     AND (e.topic = ANY ($3::text[]) OR ($4 AND e.alert))
   ORDER BY seq`;

const TABLE_TOPICS = ['incidents', 'members', 'cameras'];

export interface StreamCheck {
  expected: number;
  delivered: number;
  missing: number;
  duplicated: number;
  outOfOrder: number;
  unexpected: number;
  failures: string[];
}

/** Every subscriber against the event log after `baseline`. */
export async function checkSubscribers(
  pool: pg.Pool,
  baseline: number,
  subscribers: Subscriber[],
): Promise<StreamCheck> {
  const check: StreamCheck = {
    expected: 0,
    delivered: 0,
    missing: 0,
    duplicated: 0,
    outOfOrder: 0,
    unexpected: 0,
    failures: [],
  };
  const cache = new Map<string, number[]>();
  for (const [i, sub] of subscribers.entries()) {
    const asked = sub.topics?.split(',') ?? [...TABLE_TOPICS, 'alerts'];
    const tableTopics = asked.filter((t) => TABLE_TOPICS.includes(t));
    const alerts = asked.includes('alerts');
    const cacheKey = JSON.stringify([sub.key.scopes, tableTopics, alerts]);
    if (!cache.has(cacheKey)) {
      const rows = await pool.query<{ seq: number }>(EXPECTED_SQL, [
        baseline,
        sub.key.scopes,
        tableTopics,
        alerts,
      ]);
      cache.set(
        cacheKey,
        rows.rows.map((r) => Number(r.seq)),
      );
    }
    const expected = cache.get(cacheKey)!;
    const got = new Set(sub.received);
    const want = new Set(expected);
    const missing = expected.filter((seq) => !got.has(seq));
    const unexpected = [...got].filter((seq) => !want.has(seq));
    check.expected += expected.length;
    check.delivered += sub.received.length;
    check.missing += missing.length;
    check.unexpected += unexpected.length;
    check.duplicated += sub.duplicates;
    check.outOfOrder += sub.outOfOrder;
    const who = `subscriber ${i} (${sub.key.role} ${sub.key.scopes.join('+')}, topics ${sub.topics ?? 'all'})`;
    if (missing.length) {
      check.failures.push(`${who}: ${missing.length} events missing, e.g. ${missing.slice(0, 5)}`);
    }
    if (unexpected.length) {
      check.failures.push(
        `${who}: ${unexpected.length} events outside its scope or topics, e.g. ${unexpected.slice(0, 5)}`,
      );
    }
    if (sub.duplicates) check.failures.push(`${who}: ${sub.duplicates} events twice`);
    if (sub.outOfOrder) check.failures.push(`${who}: ${sub.outOfOrder} events out of order`);
  }
  return check;
}

export interface ReportCheck {
  acknowledged: number;
  present: number;
  duplicates: number;
  /** Reports never acknowledged (all attempts failed) that were stored anyway: not a failure. */
  unacknowledgedStored: number;
  failures: string[];
}

/** Every acknowledged report is stored exactly once, as the incident the API named. */
export async function checkReports(pool: pg.Pool, sent: SentReport[]): Promise<ReportCheck> {
  const rows = await pool.query<{ token: string; code: string }>(
    `SELECT substring(description from '\\[drill-load [^]]+\\]') AS token, code
       FROM incidents WHERE description LIKE '%[drill-load %'`,
  );
  const stored = new Map<string, string[]>();
  for (const { token, code } of rows.rows) stored.set(token, [...(stored.get(token) ?? []), code]);
  const check: ReportCheck = {
    acknowledged: 0,
    present: 0,
    duplicates: 0,
    unacknowledgedStored: 0,
    failures: [],
  };
  for (const report of sent) {
    const codes = stored.get(report.token) ?? [];
    check.duplicates += Math.max(0, codes.length - 1);
    if (codes.length > 1)
      check.failures.push(`${report.token} stored ${codes.length} times: ${codes}`);
    if (report.code === null) {
      if (codes.length > 0) check.unacknowledgedStored += 1;
      continue;
    }
    check.acknowledged += 1;
    if (codes.length === 1 && codes[0] === report.code) check.present += 1;
    else if (codes.length === 0)
      check.failures.push(`${report.token} acknowledged as ${report.code} but not stored`);
    else if (!codes.includes(report.code)) {
      check.failures.push(`${report.token} acknowledged as ${report.code} but stored as ${codes}`);
    }
  }
  return check;
}
