import { ESCALATION_LEVELS, type EscalationLevel } from '../../contract/codes';
import { SLA_CLOCKS, type SlaClock } from '../../contract/incidents';
import { joinNote, makeEvent, overdueEventType } from './events';
import { clockRunning, deadlineOf } from './sla';
import {
  SYSTEM_ACTOR,
  type IncidentEvent,
  type IncidentState,
  type TransitionResult,
} from './state';

/**
 * Escalation levels and the automatic side of the SLA: marking missed deadlines and raising
 * the level when a running clock passes its deadline. Everything is driven by the `now`
 * argument; nothing reads a clock.
 */

const LEVEL_NAMES: Readonly<Record<EscalationLevel, string>> = {
  grid: '网格',
  community: '社区',
  street: '街道',
  district: '区',
};

const CLOCK_NAMES: Readonly<Record<SlaClock, string>> = {
  accept: '受理',
  on_site: '到场',
  resolve: '办结',
};

/** The level above `level`, or null at the district (the top). */
export function nextLevel(level: EscalationLevel): EscalationLevel | null {
  return ESCALATION_LEVELS[ESCALATION_LEVELS.indexOf(level) + 1] ?? null;
}

/** The note of an `escalate` event: `升级：网格 → 社区`, with the caller's note after it. */
export function escalationNote(
  from: EscalationLevel,
  to: EscalationLevel,
  note: string | null | undefined = null,
): string {
  return joinNote(`升级：${LEVEL_NAMES[from]} → ${LEVEL_NAMES[to]}`, note);
}

/** The event recording that `clock` missed its `deadline` (written by the system). */
export function overdueEvent(clock: SlaClock, deadline: Date, at: Date): IncidentEvent {
  const note = `${CLOCK_NAMES[clock]}超时（时限 ${deadline.toISOString()}）`;
  return makeEvent(overdueEventType(clock), SYSTEM_ACTOR, at, note);
}

/** Which missed deadlines also raise the escalation level. */
export interface EscalationPolicy {
  readonly escalateOn: readonly SlaClock[];
}

/** Every missed deadline raises the level by one: "small matters in the grid, big ones up". */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = { escalateOn: SLA_CLOCKS };

/**
 * What the SLA sweep must do to `incident` at `now`: for each clock that is still running, past
 * its deadline (strictly) and not yet recorded as missed, a `<clock>_overdue` event, and — if the
 * policy says so and the level is below the district — an automatic `escalate` by one level.
 * Idempotent: the returned state records the missed clocks, so sweeping it again at the same or
 * a later `now` adds nothing for them. Returns the incident unchanged (same object, same version)
 * and no events when nothing is due; otherwise the version goes up by one (one row update).
 */
export function dueEscalations(
  incident: IncidentState,
  now: Date,
  policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
): TransitionResult {
  const events: IncidentEvent[] = [];
  const missed = [...incident.overdueClocks];
  let level = incident.escalationLevel;
  for (const clock of SLA_CLOCKS) {
    const deadline = deadlineOf(incident, clock);
    if (deadline === null || missed.includes(clock)) continue;
    if (!clockRunning(incident, clock) || now.getTime() <= deadline.getTime()) continue;
    missed.push(clock);
    events.push(overdueEvent(clock, deadline, now));
    const up = policy.escalateOn.includes(clock) ? nextLevel(level) : null;
    if (up !== null) {
      events.push(makeEvent('escalate', SYSTEM_ACTOR, now, escalationNote(level, up)));
      level = up;
    }
  }
  if (events.length === 0) return { incident, events };
  return {
    incident: {
      ...incident,
      overdueClocks: missed,
      escalationLevel: level,
      version: incident.version + 1,
    },
    events,
  };
}

/**
 * The deadline an action completes late, if any: accepting after the accept deadline, starting
 * an urgent call after the on-site deadline, resolving after the resolve deadline. The
 * workflow records such a miss (once) when the sweep has not already done so.
 */
export function lateClock(
  incident: IncidentState,
  stops: SlaClock | null,
  now: Date,
): { clock: SlaClock; deadline: Date } | null {
  if (stops === null || incident.overdueClocks.includes(stops)) return null;
  if (!clockRunning(incident, stops)) return null;
  const deadline = deadlineOf(incident, stops);
  if (deadline === null || now.getTime() <= deadline.getTime()) return null;
  return { clock: stops, deadline };
}
