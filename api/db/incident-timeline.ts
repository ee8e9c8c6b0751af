import type { TimelineEvent } from '../contract/incident-records';
import type { ScopedClient } from './scoped';

/**
 * The timeline of an incident: its own events and those of every incident merged into it,
 * in sequence order, so a merge keeps both histories.
 */
export async function incidentTimeline(
  client: ScopedClient,
  incidentId: number,
): Promise<TimelineEvent[]> {
  const result = await client.query<{
    seq: number;
    incident: string;
    type: string;
    from_status: string | null;
    to_status: string | null;
    actor: string;
    note: string | null;
    at: Date;
  }>(
    `SELECT e.seq, i.code AS incident, e.type, e.from_status, e.to_status, e.actor, e.note, e.at
       FROM incidents i JOIN incident_events e ON e.incident_id = i.id
      WHERE i.id = $1 OR i.duplicate_of = $1
      ORDER BY e.seq`,
    [incidentId],
  );
  return result.rows.map((r) => ({
    seq: r.seq,
    incident: r.incident,
    type: r.type,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    actor: r.actor,
    note: r.note,
    at: r.at.toISOString(),
  }));
}
