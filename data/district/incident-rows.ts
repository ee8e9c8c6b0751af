import type { EventRow } from '../../api/db/events';
import { absorbEvent, isOverdue, type Actor, type IncidentState } from '../../api/domain/incidents';
import { incidentEventRows } from '../../api/use-cases/incidents/event-rows';
import { stateAt, type Lifecycle } from './incident-lifecycle';
import type { IncidentEventRow, IncidentRow } from './rows';

/**
 * The seeded rows of one incident, as the live write path stores them: the workflow columns
 * from the domain's final state (what `insertIncident` and `saveIncidentState` write), and the
 * events through the same row builder the live use cases call (`incidentEventRows`).
 */

/** Where an incident is and what it is, besides its workflow state. */
export interface IncidentFacts {
  readonly id: number;
  readonly source: IncidentRow['source'];
  readonly description: string;
  readonly address: string;
  readonly gridCode: string;
  readonly communityCode: string;
  readonly streetCode: string;
  /** The id of the incident it was merged into, when it was. */
  readonly duplicateId: number | null;
  readonly geom: IncidentRow['geom'];
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/** The `incidents` row: facts plus the workflow columns of `state`, last written at `updatedAt`. */
export function incidentTableRow(
  facts: IncidentFacts,
  state: IncidentState,
  updatedAt: Date,
): IncidentRow {
  return {
    id: facts.id,
    code: state.code,
    category: state.category,
    source: facts.source,
    severity: state.severity,
    description: facts.description,
    address: facts.address,
    status: state.status,
    escalation_level: state.escalationLevel,
    grid_code: facts.gridCode,
    community_code: facts.communityCode,
    street_code: facts.streetCode,
    assignee_id: state.assigneeId,
    duplicate_of: facts.duplicateId,
    reported_at: state.reportedAt.toISOString(),
    accept_deadline: state.acceptDeadline.toISOString(),
    on_site_deadline: iso(state.onSiteDeadline),
    resolve_deadline: state.resolveDeadline.toISOString(),
    closed_at: iso(state.closedAt),
    overdue: isOverdue(state),
    overdue_clocks: [...state.overdueClocks],
    started_at: iso(state.startedAt),
    satisfaction: state.satisfaction,
    version: state.version,
    updated_at: updatedAt.toISOString(),
    geom: facts.geom,
  };
}

/** An `EventRow` of the live path in the column names the bulk insert takes. */
export function eventTableRow(row: EventRow): IncidentEventRow {
  return {
    topic: 'incidents',
    incident_id: row.incidentId as number,
    subject: row.subject,
    scope_code: row.scopeCode,
    street_code: row.streetCode,
    type: row.type,
    from_status: row.fromStatus as IncidentEventRow['from_status'],
    to_status: row.toStatus as IncidentEventRow['to_status'],
    actor: row.actor,
    note: row.note,
    at: row.at.toISOString(),
    alert: row.alert,
    payload: row.payload,
  };
}

/** Every event of the history, each write's rows built from the state after that write. */
export function lifecycleEventRows(facts: IncidentFacts, life: Lifecycle): IncidentEventRow[] {
  const { id, gridCode, streetCode } = facts;
  return life.steps.flatMap((step) =>
    incidentEventRows({ id, state: step.incident, gridCode, streetCode }, step.events, {
      ...step.payload,
    }).map(eventTableRow),
  );
}

/** When the row was last written: the time of its last write. */
export function lastWrite(life: Lifecycle): Date {
  const last = life.steps[life.steps.length - 1];
  return last?.events[0]?.at ?? life.state.reportedAt;
}

/**
 * The `absorb` event the original gets when the duplicate `life` is merged into it, with the
 * original's state at that moment (as the live merge writes it); none when it was not merged.
 */
export function absorbRows(
  original: IncidentFacts,
  originalLife: Lifecycle,
  life: Lifecycle,
  operator: Actor,
): IncidentEventRow[] {
  const merge = life.steps.find((s) => s.incident.status === 'merged')?.events[0];
  if (!merge) return [];
  const { id, gridCode, streetCode } = original;
  const state = stateAt(originalLife, merge.at.getTime());
  const event = absorbEvent(life.state.code, operator, merge.at);
  return incidentEventRows({ id, state, gridCode, streetCode }, [event], {
    from: life.state.code,
  }).map(eventTableRow);
}
