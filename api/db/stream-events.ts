import type { StreamEvent } from '../contract/stream';
import type { ScopedClient } from './scoped';

/**
 * Reads the event log for the live stream, inside the subscriber's scoped transaction, so
 * row-level security decides what each subscriber sees.
 */

/** The highest sequence number the caller can see (0 for an empty log). */
export async function latestSeq(client: ScopedClient): Promise<number> {
  const result = await client.query<{ seq: number | null }>(
    'SELECT max(seq) AS seq FROM incident_events',
  );
  return result.rows[0]?.seq ?? 0;
}

/**
 * Every event of the caller's scope after `after`, in sequence order, at most `limit`. All
 * topics: subscribers of one scope share this read and each keeps the topics it asked for.
 */
export async function eventsAfter(
  client: ScopedClient,
  after: number,
  limit: number,
): Promise<StreamEvent[]> {
  const result = await client.query<{
    seq: number;
    topic: StreamEvent['topic'];
    type: string;
    subject: string;
    street_code: string;
    from_status: string | null;
    to_status: string | null;
    actor: string;
    note: string | null;
    at: Date;
    alert: boolean;
    payload: Record<string, unknown>;
  }>(
    `SELECT seq, topic, type, subject, street_code, from_status, to_status, actor, note, at,
            alert, payload
       FROM incident_events
      WHERE seq > $1
      ORDER BY seq
      LIMIT $2`,
    [after, limit],
  );
  return result.rows.map((r) => ({
    seq: r.seq,
    topic: r.topic,
    type: r.type,
    subject: r.subject,
    streetCode: r.street_code,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    actor: r.actor,
    note: r.note,
    at: r.at.toISOString(),
    alert: r.alert,
    payload: r.payload,
  }));
}
