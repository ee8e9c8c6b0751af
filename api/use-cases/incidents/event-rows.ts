import type { TimelineEvent } from '../../contract/incident-records';
import type { EventRow } from '../../db/events';
import type { IncidentRecord } from '../../db/incidents';
import { SYSTEM_ACTOR, type IncidentEvent } from '../../domain/incidents';

/** Event types that need an operator's eyes now (the stream's `alerts` topic). */
const ALERT_TYPES = new Set(['accept_overdue', 'on_site_overdue', 'resolve_overdue']);

/** True for events the wall screen must flag: missed deadlines, automatic escalations, urgent reports. */
export function isAlert(event: IncidentEvent, record: Pick<IncidentRecord, 'state'>): boolean {
  if (ALERT_TYPES.has(event.type)) return true;
  if (event.type === 'escalate' && event.actor === SYSTEM_ACTOR) return true;
  if (event.type !== 'report') return false;
  const { severity, category } = record.state;
  return severity === 'critical' || category === 'urgent_help' || category === 'emergency';
}

/** Rows for `incident_events` from the workflow's events on one incident. */
export function incidentEventRows(
  record: Pick<IncidentRecord, 'id' | 'state' | 'gridCode' | 'streetCode'>,
  events: readonly IncidentEvent[],
  payload: Record<string, unknown> = {},
): EventRow[] {
  const { state } = record;
  return events.map((event) => ({
    topic: 'incidents',
    incidentId: record.id,
    subject: state.code,
    scopeCode: record.gridCode,
    streetCode: record.streetCode,
    type: event.type,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actor: event.actor,
    note: event.note,
    at: event.at,
    alert: isAlert(event, record),
    payload: { ...statePayload(state), ...payload },
  }));
}

/** What every incident event carries of the incident's state after the change. */
export function statePayload(state: IncidentRecord['state']): Record<string, unknown> {
  return {
    status: state.status,
    escalationLevel: state.escalationLevel,
    assigneeId: state.assigneeId,
    category: state.category,
    severity: state.severity,
    version: state.version,
  };
}

/**
 * Timeline entries for incident events just appended (`seqs` as `appendEvents` returned them),
 * as `incidentTimeline` would read them back — without reading them back.
 */
export function timelineEntries(
  rows: readonly EventRow[],
  seqs: readonly number[],
): TimelineEvent[] {
  return rows.map((row, i) => ({
    seq: seqs[i]!,
    incident: row.subject,
    type: row.type,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    actor: row.actor,
    note: row.note,
    at: row.at.toISOString(),
  }));
}
