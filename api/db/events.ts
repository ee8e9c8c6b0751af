import type { IncidentEventType } from '../contract/codes';
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
