import type { IncidentCategory, Severity } from '../../api/contract/codes';
import type { IncidentAction } from '../../api/contract/incidents';
import {
  applyAction,
  dueEscalations,
  reportIncident,
  SYSTEM_ACTOR,
  type IncidentEvent,
  type IncidentState,
  type TransitionResult,
} from '../../api/domain/incidents';

/**
 * Replays a stored incident history through the live workflow (`api/domain/incidents`): the
 * report, each recorded action through `applyAction`, each system write through the SLA
 * sweep's `dueEscalations` at its time. Throws at the first event the live rules would not
 * have written exactly so (type, statuses, actor, note, time, and the state in its payload);
 * returns the state the live system would hold afterwards.
 */

/** The stored facts of the incident that the events do not carry. */
export interface StoredIncident {
  readonly code: string;
  readonly category: IncidentCategory;
  readonly severity: Severity;
  /** Code of the incident it was merged into, if any. */
  readonly duplicateCode: string | null;
  readonly satisfaction: number | null;
}

/** One stored event of the incident's own timeline (not `absorb`), in write order. */
export interface StoredEvent {
  readonly type: string;
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly actor: string;
  readonly note: string | null;
  readonly at: Date;
  readonly payload: Readonly<Record<string, unknown>>;
}

const NOTED = ['accept', 'start', 'resolve', 'verify', 'close'];

function actionOf(event: StoredEvent, incident: StoredIncident): IncidentAction {
  const note = event.note ?? undefined;
  switch (event.type) {
    case 'dispatch':
      return { action: 'dispatch', assigneeId: event.payload.assigneeId as string };
    case 'reject':
    case 'reopen':
      return { action: event.type, reason: note ?? '' };
    case 'merge':
      return { action: 'merge', into: incident.duplicateCode ?? '' };
    case 'rate':
      return { action: 'rate', satisfaction: incident.satisfaction ?? 0 };
    default:
      return {
        action: event.type,
        ...(NOTED.includes(event.type) ? { note } : {}),
      } as IncidentAction;
  }
}

function describe(event: IncidentEvent | StoredEvent | undefined): string {
  if (!event) return 'nothing';
  const { type, fromStatus, toStatus, actor, note, at } = event;
  return JSON.stringify({ type, fromStatus, toStatus, actor, note, at: at.toISOString() });
}

function expectWritten(code: string, result: TransitionResult, stored: readonly StoredEvent[]) {
  result.events.forEach((event, k) => {
    const seen = stored[k];
    if (describe(event) !== describe(seen)) {
      throw new Error(`${code}: the live rules write ${describe(event)}, stored ${describe(seen)}`);
    }
    const { status, version, escalationLevel } = result.incident;
    const p = seen!.payload;
    if (p.status !== status || p.version !== version || p.escalationLevel !== escalationLevel) {
      throw new Error(`${code}: event ${describe(seen)} carries ${JSON.stringify(p)}`);
    }
  });
}

/** The write that produced the stored events from `start`: a sweep, else the next action. */
function nextWrite(
  incident: StoredIncident,
  state: IncidentState,
  events: readonly StoredEvent[],
): TransitionResult {
  const first = events[0]!;
  if (first.actor === SYSTEM_ACTOR) {
    const sweep = dueEscalations(state, first.at);
    const written = events.slice(0, sweep.events.length);
    if (
      sweep.events.length > 0 &&
      sweep.events.every((e, k) => describe(e) === describe(written[k]))
    ) {
      return sweep;
    }
  }
  const recorded = events.find((e) => e.actor !== SYSTEM_ACTOR);
  if (!recorded)
    throw new Error(`${incident.code}: system events no sweep explains at ${describe(first)}`);
  const actor = { name: recorded.actor, role: 'admin' as const, memberId: null };
  return applyAction(state, actionOf(recorded, incident), actor, recorded.at);
}

/** Replays the history; throws where the stored events leave the live rules. */
export function replayHistory(
  incident: StoredIncident,
  events: readonly StoredEvent[],
): IncidentState {
  const [report, ...rest] = events;
  if (report?.type !== 'report')
    throw new Error(`${incident.code}: the history does not start with a report`);
  const assigneeId = (report.payload.assigneeId as string | null | undefined) ?? null;
  const { code, category, severity } = incident;
  const first = reportIncident({ code, category, severity, assigneeId }, report.actor, report.at);
  expectWritten(incident.code, first, [report]);
  let state = first.incident;
  for (let k = 0; k < rest.length;) {
    const result = nextWrite(incident, state, rest.slice(k));
    expectWritten(incident.code, result, rest.slice(k));
    state = result.incident;
    k += result.events.length;
  }
  return state;
}
