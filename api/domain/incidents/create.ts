import type { IncidentCategory, Severity } from '../../contract/codes';
import { makeEvent } from './events';
import { deadlinesFor, DEFAULT_SLA_TABLE, type SlaTarget } from './sla';
import type { IncidentState, TransitionResult } from './state';

/** What is known of a new incident before the workflow starts. */
export interface NewIncident {
  readonly code: string;
  readonly category: IncidentCategory;
  readonly severity: Severity;
  /** The on-duty member responsible for the incident's grid, if one was found. */
  readonly assigneeId: string | null;
}

/**
 * The first state of an incident, reported at `reportedAt` by `reporter`: status `reported`,
 * level `grid`, deadlines from the SLA table, version 1, and its `report` event.
 */
export function reportIncident(
  input: NewIncident,
  reporter: string,
  reportedAt: Date,
  table: Readonly<Record<IncidentCategory, SlaTarget>> = DEFAULT_SLA_TABLE,
): TransitionResult {
  const incident: IncidentState = {
    ...input,
    ...deadlinesFor(input.category, input.severity, reportedAt, table),
    status: 'reported',
    escalationLevel: 'grid',
    duplicateOf: null,
    reportedAt,
    startedAt: null,
    closedAt: null,
    overdueClocks: [],
    satisfaction: null,
    version: 1,
  };
  return { incident, events: [makeEvent('report', reporter, reportedAt, null, null, 'reported')] };
}
