/**
 * Random runs of the incident workflow for the property tests: arbitraries for actors, actions
 * and steps, a runner that checks every step, and the invariants of a stored incident.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  ESCALATION_LEVELS,
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  SEVERITIES,
  USER_ROLES,
  type UserRole,
} from '../../../../api/contract/codes';
import type { IncidentAction, IncidentActionName } from '../../../../api/contract/incidents';
import { AppError } from '../../../../api/domain/errors';
import type { Actor } from '../../../../api/domain/incidents/actor';
import { reportIncident } from '../../../../api/domain/incidents/create';
import { dueEscalations } from '../../../../api/domain/incidents/escalation';
import {
  TERMINAL_STATUSES,
  type IncidentEvent,
  type IncidentState,
} from '../../../../api/domain/incidents/state';
import { allowedActions, applyAction } from '../../../../api/domain/incidents/workflow';
import { ASSIGNEE, CODE, MINUTE, OTHER_MEMBER, T0, VALID_INPUT } from './fixtures';
import { httpStatusOf } from '../../../../api/http/error-status';

const MEMBERS = [ASSIGNEE, OTHER_MEMBER, 'M000003'];

const toActor = ({ role, memberId }: { role: UserRole; memberId: string | null }): Actor => ({
  name: `user:${role}`,
  role,
  memberId,
});

/** Anyone, including roles that may do nothing and members of other grids. */
export const actorArb: fc.Arbitrary<Actor> = fc
  .record({
    role: fc.constantFrom(...USER_ROLES),
    memberId: fc.option(fc.constantFrom(...MEMBERS), { nil: null }),
  })
  .map(toActor);

/** The people who run the loop: command-center roles and the members in the grid. */
const staffArb: fc.Arbitrary<Actor> = fc
  .record({
    role: fc.constantFrom<UserRole>('admin', 'commander', 'operator', 'operator', 'grid_member'),
    memberId: fc.constantFrom(ASSIGNEE, OTHER_MEMBER),
  })
  .map(toActor);

/** Mostly well-formed actions, some with bad input. */
const actionArb: fc.Arbitrary<IncidentAction> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      ...Object.values(VALID_INPUT).filter((a) => a.action !== 'merge' && a.action !== 'reject'),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom<IncidentAction>(VALID_INPUT.merge, VALID_INPUT.reject) },
  {
    weight: 2,
    arbitrary: fc
      .option(fc.constantFrom(...MEMBERS), { nil: undefined })
      .map((assigneeId): IncidentAction => ({ action: 'dispatch', assigneeId })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<IncidentAction>(
      { action: 'rate', satisfaction: 0 },
      { action: 'rate', satisfaction: 1 },
      { action: 'rate', satisfaction: 5 },
      { action: 'reject', reason: ' ' },
      { action: 'reopen', reason: '' },
      { action: 'merge', into: CODE },
    ),
  },
);

/**
 * A step of a random run: an arbitrary action by an arbitrary actor (often refused), one of the
 * actions offered to the actor (`offered`), the next main-path action offered (`forward`, so
 * runs get far along the loop), or an SLA sweep. Each first moves the clock on.
 */
type Step =
  | { kind: 'act'; action: IncidentAction; actor: Actor; advance: number }
  | { kind: 'offered'; pick: number; actor: Actor; advance: number }
  | { kind: 'forward'; actor: Actor; advance: number }
  | { kind: 'sweep'; advance: number };

const advanceArb = fc.integer({ min: 0, max: 6 * 60 * MINUTE });
export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      action: actionArb,
      actor: actorArb,
      advance: advanceArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('offered' as const),
      pick: fc.nat(),
      actor: staffArb,
      advance: advanceArb,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('forward' as const),
      actor: staffArb,
      advance: advanceArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sweep' as const), advance: advanceArb }) },
);

const MAIN_PATH: readonly IncidentActionName[] = [
  'accept',
  'dispatch',
  'start',
  'resolve',
  'verify',
  'close',
  'rate',
];

/** A valid input for `name` on `state`: dispatch to someone new, merge into another case. */
export function validInput(state: IncidentState, name: IncidentActionName): IncidentAction {
  if (name === 'dispatch') {
    return {
      action: 'dispatch',
      assigneeId: state.assigneeId === ASSIGNEE ? OTHER_MEMBER : ASSIGNEE,
    };
  }
  return VALID_INPUT[name];
}

/** The action a step takes on `state`, or null when the actor is offered nothing fitting. */
function actionOf(step: Exclude<Step, { kind: 'sweep' }>, state: IncidentState) {
  if (step.kind === 'act') return step.action;
  const offered = allowedActions(state, step.actor);
  const name =
    step.kind === 'offered'
      ? offered[step.pick % Math.max(1, offered.length)]
      : MAIN_PATH.findLast((a) => offered.includes(a));
  return name === undefined ? null : validInput(state, name);
}

/** Runs long enough to go round the whole loop. */
export const stepsArb = fc.array(stepArb, { maxLength: 60, size: 'medium' });

export const startArb = fc
  .record({
    category: fc.constantFrom(...INCIDENT_CATEGORIES),
    severity: fc.constantFrom(...SEVERITIES),
    assigneeId: fc.option(fc.constantFrom(...MEMBERS), { nil: null }),
  })
  .map((input) => reportIncident({ code: CODE, ...input }, 'resident', T0));

/** Every invariant a stored incident must satisfy (the database CHECKs and more). */
function checkState(s: IncidentState): void {
  expect(INCIDENT_STATUSES).toContain(s.status);
  expect(ESCALATION_LEVELS).toContain(s.escalationLevel);
  expect(s.duplicateOf !== null).toBe(s.status === 'merged');
  if (s.duplicateOf !== null) expect(s.duplicateOf).not.toBe(s.code);
  if (s.satisfaction !== null) {
    expect(s.status).toBe('closed');
    expect([1, 2, 3, 4, 5]).toContain(s.satisfaction);
  }
  expect(s.closedAt !== null).toBe(TERMINAL_STATUSES.includes(s.status));
  if (['dispatched', 'in_progress', 'resolved', 'verified', 'closed'].includes(s.status)) {
    expect(s.assigneeId).not.toBeNull();
  }
  if (['in_progress', 'resolved', 'verified', 'closed'].includes(s.status)) {
    expect(s.startedAt).not.toBeNull();
  }
  if (['reported', 'accepted', 'rejected'].includes(s.status)) expect(s.startedAt).toBeNull();
  expect(new Set(s.overdueClocks).size).toBe(s.overdueClocks.length);
  if (s.onSiteDeadline === null) expect(s.overdueClocks).not.toContain('on_site');
  expect(s.version).toBeGreaterThanOrEqual(1);
}

/** Status events chain: each starts where the previous one ended, ending at the status. */
export function checkChain(events: readonly IncidentEvent[], status: string): void {
  const moves = events.filter((e) => e.toStatus !== null);
  expect(moves[0]).toMatchObject({ type: 'report', fromStatus: null, toStatus: 'reported' });
  for (let k = 1; k < moves.length; k++) {
    expect(moves[k]?.fromStatus).toBe(moves[k - 1]?.toStatus);
  }
  expect(moves.at(-1)?.toStatus).toBe(status);
  for (const e of events) {
    expect(e.fromStatus === null).toBe(e.toStatus === null || e.type === 'report');
  }
  for (let k = 1; k < events.length; k++) {
    expect(events[k]!.at.getTime()).toBeGreaterThanOrEqual(events[k - 1]!.at.getTime());
  }
}

export interface Run {
  state: IncidentState;
  events: IncidentEvent[];
  applied: number;
  sweeps: number;
  /** The clock at the end of the run. */
  now: Date;
}

/** Runs the steps, checking each one; refused actions must be typed and change nothing. */
export function run(start: ReturnType<typeof reportIncident>, steps: readonly Step[]): Run {
  const r: Run = {
    state: start.incident,
    events: [...start.events],
    applied: 0,
    sweeps: 0,
    now: T0,
  };
  let now = T0.getTime();
  for (const step of steps) {
    now += step.advance;
    const before = Object.freeze({ ...r.state });
    const levelBefore = ESCALATION_LEVELS.indexOf(before.escalationLevel);
    if (step.kind === 'sweep') {
      const result = dueEscalations(before, new Date(now));
      if (result.events.length > 0) r.sweeps++;
      expect(dueEscalations(result.incident, new Date(now)).events).toEqual([]);
      r.state = result.incident;
      r.events.push(...result.events);
    } else {
      const action = actionOf(step, before);
      if (action === null) continue;
      try {
        const result = applyAction(before, action, step.actor, new Date(now));
        expect(result.incident.version).toBe(before.version + 1);
        expect(result.events.at(-1)?.type).toBe(action.action);
        r.applied++;
        r.state = result.incident;
        r.events.push(...result.events);
      } catch (error) {
        expect(step.kind).toBe('act');
        expect(error).toBeInstanceOf(AppError);
        expect([400, 403, 409, 422]).toContain(httpStatusOf((error as AppError).code));
      }
    }
    expect(ESCALATION_LEVELS.indexOf(r.state.escalationLevel)).toBeGreaterThanOrEqual(levelBefore);
    checkState(r.state);
  }
  r.now = new Date(now);
  return r;
}
