import type { IncidentEventType } from '../contract/codes';
import type { Queryable } from './queryable';
import type { ScopedClient } from './scoped';

/** The topics of the live stream; `alerts` is a view over the other three (rows with `alert`). */
export const EVENT_TOPICS = ['incidents', 'members', 'cameras'] as const;
export type EventTopic = (typeof EVENT_TOPICS)[number];

/**
 * One row of `incident_events`, the append-only log that is both the audit trail and the
 * outbox of the live stream. `subject` names what changed (incident code, member id, camera
 * code); `scopeCode` (a grid or community code) decides which area scopes see it.
 */
export interface EventRow {
  topic: EventTopic;
  incidentId: number | null;
  subject: string;
  scopeCode: string;
  streetCode: string;
  type: IncidentEventType;
  fromStatus: string | null;
  toStatus: string | null;
  actor: string;
  note: string | null;
  at: Date;
  alert: boolean;
  payload: Record<string, unknown>;
}

const COLUMNS = [
  'topic',
  'incident_id',
  'subject',
  'scope_code',
  'street_code',
  'type',
  'from_status',
  'to_status',
  'actor',
  'note',
  'at',
  'alert',
  'payload',
] as const;

/**
 * Appends events inside the caller's transaction and returns their sequence numbers. A
 * statement trigger serialises writers until commit (so sequence order is commit order) and
 * notifies `yiping_events` listeners when the transaction commits: append last, commit soon.
 */
export async function appendEvents(
  client: ScopedClient,
  rows: readonly EventRow[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const values = rows.flatMap((r) => [
    r.topic,
    r.incidentId,
    r.subject,
    r.scopeCode,
    r.streetCode,
    r.type,
    r.fromStatus,
    r.toStatus,
    r.actor,
    r.note,
    r.at.toISOString(),
    r.alert,
    JSON.stringify(r.payload),
  ]);
  const width = COLUMNS.length;
  const tuples = rows.map(
    (_, r) => `(${COLUMNS.map((_, c) => `$${r * width + c + 1}`).join(', ')})`,
  );
  const result = await client.query<{ seq: number }>(
    `INSERT INTO incident_events (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} RETURNING seq`,
    values,
  );
  return result.rows.map((row) => row.seq);
}

/**
 * Lets the COMMIT of the open transaction return before its WAL reaches the disk. The event-order
 * lock `appendEvents` takes is held to the end of the commit; without this every writer of events
 * would wait for the disk flush of the one before it (one flush per commit, in single file),
 * where now concurrent writers share flushes. The caller acknowledges nothing before
 * `flushCommits` has returned, so what it acknowledges is on disk.
 */
export async function deferCommitFlush(client: ScopedClient): Promise<void> {
  await client.query(`SELECT set_config('synchronous_commit', 'off', true)`);
}

/**
 * Returns once every transaction committed before the call is on disk: a transaction that has an
 * id commits synchronously, and flushing its commit record flushes all WAL written before it
 * (concurrent callers share one flush).
 */
export async function flushCommits(db: Queryable): Promise<void> {
  await db.query('SELECT pg_current_xact_id()');
}
