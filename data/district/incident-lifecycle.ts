import type { IncidentActionName } from '../../api/contract/incidents';
import { SLA_CLOCKS } from '../../api/contract/incidents';
import {
  actionsFromState,
  applyAction,
  clockRunning,
  dueEscalations,
  type Actor,
  type IncidentEvent,
  type IncidentState,
  type TransitionResult,
} from '../../api/domain/incidents';
import { deadlineOf } from '../../api/domain/incidents/sla';
import type { PlannedAction } from './incident-plan';

/**
 * One seeded incident's history, produced the way the live system produces it: the report,
 * then each planned action through the workflow's `applyAction`, and between actions the SLA
 * sweep's `dueEscalations` at the moments the live sweeper would run — so the overdue marks,
 * automatic escalations, deadlines and versions are the domain's, not the generator's.
 */

/** The live sweeper's period (`YIPING_SLA_SWEEP_SECONDS`, default 15 s), in milliseconds. */
export const SWEEP_PERIOD_MS = 15_000;

/** One write of the history: the state after it, its events and the event payload's extras. */
export interface LifecycleStep {
  readonly incident: IncidentState;
  readonly events: readonly IncidentEvent[];
  readonly payload: Readonly<Record<string, unknown>>;
}

/** The incident's state at `now` and every write that led to it, in order. */
export interface Lifecycle {
  readonly state: IncidentState;
  readonly steps: readonly LifecycleStep[];
}

/** Who takes the actions: the command center and the member doing the field work. */
export interface Crew {
  readonly operator: Actor;
  readonly commander: Actor;
  readonly member: Actor;
}

/** The command center and the member who does the field work (the seeded actors' names). */
export function crewOf(memberId: string): Crew {
  return {
    operator: { name: 'operator', role: 'operator', memberId: null },
    commander: { name: 'commander', role: 'commander', memberId: null },
    member: { name: memberId, role: 'grid_member', memberId },
  };
}

/** The actor for an action: field work by the member, escalations and escalated closes by a commander. */
function actorFor(name: IncidentActionName, state: IncidentState, crew: Crew): Actor {
  if (name === 'start' || name === 'resolve') return crew.member;
  if (name === 'escalate') return crew.commander;
  if (name === 'close' && state.escalationLevel !== 'grid') return crew.commander;
  return crew.operator;
}

/** The first sweeper tick strictly after a running deadline not yet marked missed, or null. */
function nextSweep(state: IncidentState): number | null {
  let next: number | null = null;
  for (const clock of SLA_CLOCKS) {
    const deadline = deadlineOf(state, clock);
    if (deadline === null || state.overdueClocks.includes(clock)) continue;
    if (!clockRunning(state, clock)) continue;
    const tick = (Math.floor(deadline.getTime() / SWEEP_PERIOD_MS) + 1) * SWEEP_PERIOD_MS;
    next = next === null ? tick : Math.min(next, tick);
  }
  return next;
}

class History {
  state: IncidentState;
  readonly steps: LifecycleStep[];

  constructor(first: TransitionResult, payload: Readonly<Record<string, unknown>>) {
    this.state = first.incident;
    this.steps = [{ incident: first.incident, events: first.events, payload }];
  }

  private write(result: TransitionResult, payload: Readonly<Record<string, unknown>>): void {
    if (result.events.length === 0) return;
    this.state = result.incident;
    this.steps.push({ incident: result.incident, events: result.events, payload });
  }

  /** Runs the sweeper at every tick before `until` at which it would find something. */
  sweepBefore(until: number): void {
    for (let tick = nextSweep(this.state); tick !== null && tick < until;) {
      this.write(dueEscalations(this.state, new Date(tick)), {});
      tick = nextSweep(this.state);
    }
  }

  /** One sweep at `at`, as a server started then runs it before anything else. */
  sweepAt(at: number): void {
    this.write(dueEscalations(this.state, new Date(at)), {});
  }

  /** Applies a planned action, unless the workflow no longer allows it (e.g. at the top level). */
  act(planned: PlannedAction, crew: Crew): void {
    const name = planned.action.action;
    if (!actionsFromState(this.state).includes(name)) return;
    const actor = actorFor(name, this.state, crew);
    this.write(applyAction(this.state, planned.action, actor, new Date(planned.at)), {
      action: name,
    });
  }
}

/**
 * Drives the workflow from the report through the planned actions up to `nowMs`, sweeping as
 * the live sweeper would; ends with the sweep a server started at `nowMs` runs first, so the
 * live sweep finds nothing left to mark.
 */
export function driveLifecycle(
  report: TransitionResult,
  reportPayload: Readonly<Record<string, unknown>>,
  plan: readonly PlannedAction[],
  crew: Crew,
  nowMs: number,
): Lifecycle {
  const history = new History(report, reportPayload);
  for (const planned of plan) {
    if (planned.at > nowMs) break;
    history.sweepBefore(planned.at);
    history.act(planned, crew);
  }
  history.sweepBefore(nowMs + 1);
  history.sweepAt(nowMs);
  return { state: history.state, steps: history.steps };
}

/** The state as it stood at `atMs`: after the last write at or before it. */
export function stateAt(life: Lifecycle, atMs: number): IncidentState {
  let state = (life.steps[0] as LifecycleStep).incident;
  for (const step of life.steps) {
    if ((step.events[0]?.at.getTime() ?? Infinity) > atMs) break;
    state = step.incident;
  }
  return state;
}
