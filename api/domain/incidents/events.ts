import type { IncidentStatus } from '../../contract/codes';
import {
  SLA_CLOCKS,
  type IncidentWorkflowEventType,
  type SlaClock,
} from '../../contract/incidents';
import type { IncidentEvent } from './state';

/** Builds one event; `from`/`to` stay null for events that do not change the status. */
export function makeEvent(
  type: IncidentWorkflowEventType,
  actor: string,
  at: Date,
  note: string | null,
  from: IncidentStatus | null = null,
  to: IncidentStatus | null = null,
): IncidentEvent {
  return { type, fromStatus: from, toStatus: to, actor, note, at };
}

/** The event type that records a missed deadline of `clock`. */
export function overdueEventType(clock: SlaClock): IncidentWorkflowEventType {
  return `${clock}_overdue`;
}

/**
 * The deadlines recorded as missed, read back from an incident's event types, for loading an
 * `IncidentState` when no column holds them. Seeded and live rows agree: the seeded history is
 * written by the same workflow, so every recorded miss has its event.
 */
export function overdueClocksFromEvents(types: readonly string[]): SlaClock[] {
  return SLA_CLOCKS.filter((clock) => types.includes(overdueEventType(clock)));
}

/** The caller's note, trimmed; null when absent or blank. */
export function noteOf(note: string | null | undefined): string | null {
  const text = note?.trim() ?? '';
  return text === '' ? null : text;
}

/** Joins a generated description and the caller's optional note into one event note. */
export function joinNote(text: string, note: string | null | undefined): string {
  const extra = noteOf(note);
  return extra === null ? text : `${text}；${extra}`;
}
