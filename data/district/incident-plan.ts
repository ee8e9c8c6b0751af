import type { IncidentCategory, Severity } from '../../api/contract/codes';
import type { IncidentAction, IncidentActionName } from '../../api/contract/incidents';
import { slaTargetFor } from '../../api/domain/incidents';
import type { Random } from './random';
import { DAY, floorSecond, HOUR, MINUTE, SECOND } from './time';

/**
 * WHEN the crew acts on one seeded incident: the planned times of accept, dispatch, start,
 * resolve, verify and close (or an early reject or merge), manual escalations and the
 * resident's rating. WHAT each action does — statuses, deadlines, overdue marks, escalation
 * levels — is the workflow's (`api/domain/incidents`), applied by `incident-lifecycle.ts`.
 */

/** One action at a planned time (epoch milliseconds, whole seconds). */
export interface PlannedAction {
  readonly at: number;
  readonly action: IncidentAction;
}

/** What the planner knows when the incident is reported. */
export interface PlanInput {
  readonly category: IncidentCategory;
  readonly severity: Severity;
  readonly reportedMs: number;
  readonly nowMs: number;
  /** The member the operator dispatches to. */
  readonly handlerId: string;
  /** The code of an earlier incident this one may duplicate, or null. */
  readonly duplicateOf: string | null;
}

const ESCALATION_CHANCE: Readonly<Record<Severity, number>> = {
  low: 0.02,
  medium: 0.04,
  high: 0.1,
  critical: 0.2,
};
const STAGES: readonly IncidentActionName[] = [
  'accept',
  'dispatch',
  'start',
  'resolve',
  'verify',
  'close',
];
const REJECT_REASONS = ['不属于受理范围', '信息不实', '已由其他部门处理'];

const at = (ms: number, action: IncidentAction): PlannedAction => ({
  at: floorSecond(ms),
  action,
});

/** Planned times of the six stages; urgent calls (with an on-site clock) move in minutes. */
function stageTimes(rng: Random, input: PlanInput, slow: number): number[] {
  const target = slaTargetFor(input.category, input.severity);
  const urgent = target.onSite !== null;
  const accept =
    input.reportedMs +
    (urgent ? rng.float(5, 64) * SECOND : Math.min(rng.logNormal(12 * MINUTE, 0.9), 8 * HOUR));
  const dispatch = accept + (urgent ? rng.float(20, 120) * SECOND : rng.logNormal(8 * MINUTE, 0.7));
  const start = dispatch + (urgent ? rng.float(2, 9) * MINUTE : rng.logNormal(40 * MINUTE, 0.8));
  const resolve = Math.max(
    start + 5 * MINUTE,
    input.reportedMs + target.resolve * Math.min(2, slow * rng.logNormal(0.3, 0.6)),
  );
  const verify = resolve + Math.min(rng.logNormal(2 * HOUR, 1), 2 * DAY);
  const close = verify + Math.min(rng.logNormal(HOUR, 1), 2 * DAY);
  return [accept, dispatch, start, resolve, verify, close];
}

function stageAction(name: IncidentActionName, input: PlanInput): IncidentAction {
  if (name === 'dispatch') return { action: 'dispatch', assigneeId: input.handlerId };
  return { action: name } as IncidentAction;
}

/** A rating on three closed cases in four; worse when the case was resolved late. */
function satisfactionScore(rng: Random, late: boolean): number | null {
  if (!rng.chance(0.75)) return null;
  return rng.weighted([5, 4, 3, 2, 1], late ? [25, 30, 25, 12, 8] : [55, 28, 10, 4, 3]);
}

/** Manual escalations by the command center, soon after acceptance and spaced out. */
function manualEscalations(
  rng: Random,
  level: number,
  accepted: number,
  resolved: number,
): PlannedAction[] {
  if (level === 0) return [];
  const first = accepted + Math.min(10 * MINUTE, (resolved - accepted) / 2);
  const gap = Math.min(rng.logNormal(6 * HOUR, 0.5), (resolved - first) / (level + 1));
  return Array.from({ length: level }, (_, k) => at(first + k * gap, { action: 'escalate' }));
}

/** The normal path, possibly stalled before resolution, with escalations and a rating. */
function normalPath(rng: Random, input: PlanInput): PlannedAction[] {
  const manualLevel = rng.chance(ESCALATION_CHANCE[input.severity])
    ? rng.weighted([1, 2, 3], [70, 25, 5])
    : 0;
  const times = stageTimes(rng, input, manualLevel > 0 ? 1.6 : 1);
  const recent = input.nowMs - input.reportedMs < 14 * DAY;
  const stallAfter = recent && rng.chance(0.04) ? rng.int(1, 3) : STAGES.length;
  const resolved = stallAfter > 3 ? (times[3] as number) : Number.POSITIVE_INFINITY;
  const deadline = input.reportedMs + slaTargetFor(input.category, input.severity).resolve;
  const satisfaction = satisfactionScore(rng, resolved > deadline);
  const actions = STAGES.slice(0, stallAfter).map((name, k) =>
    at(times[k] as number, stageAction(name, input)),
  );
  actions.push(...manualEscalations(rng, manualLevel, times[0] as number, resolved));
  if (stallAfter === STAGES.length && satisfaction !== null) {
    const rated = (times[5] as number) + Math.min(rng.logNormal(30 * MINUTE, 1), DAY);
    actions.push(at(rated, { action: 'rate', satisfaction }));
  }
  // A stable sort: a stage and an escalation in the same second keep the planned order.
  return actions.sort((a, b) => a.at - b.at);
}

/**
 * Plans the crew's actions on one incident from its report: most follow the closed loop, a
 * few are rejected at intake, and a report near an earlier one is sometimes merged into it.
 */
export function planActions(rng: Random, input: PlanInput): PlannedAction[] {
  const fate = rng.weighted(['normal', 'reject', 'merge'] as const, [
    95.5,
    2,
    input.duplicateOf === null ? 0 : 2.5,
  ]);
  if (fate === 'reject') {
    const reason = rng.pick(REJECT_REASONS);
    return [at(input.reportedMs + rng.logNormal(20 * MINUTE, 0.8), { action: 'reject', reason })];
  }
  if (fate === 'merge' && input.duplicateOf !== null) {
    const into = input.duplicateOf;
    return [at(input.reportedMs + rng.logNormal(15 * MINUTE, 0.8), { action: 'merge', into })];
  }
  return normalPath(rng, input);
}
