import type { SlaClock } from '../../api/contract/incidents';
import type {
  EscalationLevel,
  IncidentEventType,
  IncidentCategory,
  IncidentStatus,
  Severity,
} from '../../api/contract/codes';
import { acceptWindowMs, resolveWindowMs } from './incident-catalog';
import type { Random } from './random';
import { DAY, floorSecond, HOUR, MINUTE, SECOND } from './time';

/**
 * One incident's history through the closed loop (report → accept → dispatch → start →
 * resolve → verify → close, or reject/merge early), planned in full from its report time and
 * then cut at `now`: old incidents are closed, recent ones are still open, and the few whose
 * clock ran past a deadline are flagged overdue (and often escalated).
 */

/** A planned event before it is tied to an incident id. */
export interface LifecycleEvent {
  type: IncidentEventType;
  from_status: IncidentStatus | null;
  to_status: IncidentStatus | null;
  actor: string;
  note: string | null;
  at: number;
}

/** What is known when the incident is reported. */
export interface LifecycleInput {
  category: IncidentCategory;
  severity: Severity;
  reportedMs: number;
  nowMs: number;
  reporter: string;
  assigneeId: string;
  leaderId: string;
  /** An earlier incident this one may duplicate, or null. */
  duplicateCandidate: number | null;
}

/** The incident's state at `now` and its events up to then. */
export interface Lifecycle {
  status: IncidentStatus;
  escalationLevel: EscalationLevel;
  assigneeId: string | null;
  duplicateOf: number | null;
  acceptDeadline: number;
  resolveDeadline: number;
  /** When it was closed, rejected or merged, if it has been. */
  closedAt: number | null;
  /** A deadline was missed: accepted or resolved late, or still open past a deadline at `now`. */
  overdue: boolean;
  /** The deadlines missed (accept, resolve), each once; empty when none. */
  overdueClocks: SlaClock[];
  startedAt: number | null;
  satisfaction: number | null;
  events: LifecycleEvent[];
}

const LEVELS: readonly EscalationLevel[] = ['grid', 'community', 'street', 'district'];
const LEVEL_NAMES: Readonly<Record<EscalationLevel, string>> = {
  grid: '网格',
  community: '社区',
  street: '街道',
  district: '区',
};
const ESCALATION_CHANCE: Readonly<Record<Severity, number>> = {
  low: 0.02,
  medium: 0.04,
  high: 0.1,
  critical: 0.2,
};
const STAGES: readonly [IncidentEventType, IncidentStatus][] = [
  ['accept', 'accepted'],
  ['dispatch', 'dispatched'],
  ['start', 'in_progress'],
  ['resolve', 'resolved'],
  ['verify', 'verified'],
  ['close', 'closed'],
];

function event(
  type: IncidentEventType,
  from: IncidentStatus | null,
  to: IncidentStatus | null,
  actor: string,
  at: number,
  note: string | null = null,
): LifecycleEvent {
  return { type, from_status: from, to_status: to, actor, note, at: floorSecond(at) };
}

/** Planned times of accept, dispatch, start, resolve, verify and close. */
function stageTimes(rng: Random, input: LifecycleInput, slow: number): number[] {
  const urgent = input.category === 'urgent_help';
  const accept =
    input.reportedMs +
    (urgent ? rng.float(5, 64) * SECOND : Math.min(rng.logNormal(12 * MINUTE, 0.9), 8 * HOUR));
  const dispatch = accept + (urgent ? rng.float(20, 120) * SECOND : rng.logNormal(8 * MINUTE, 0.7));
  const start = dispatch + (urgent ? rng.float(2, 9) * MINUTE : rng.logNormal(40 * MINUTE, 0.8));
  const window = resolveWindowMs(input.category, input.severity);
  const resolve = Math.max(
    start + 5 * MINUTE,
    input.reportedMs + window * Math.min(2, slow * rng.logNormal(0.3, 0.6)),
  );
  const verify = resolve + Math.min(rng.logNormal(2 * HOUR, 1), 2 * DAY);
  const close = verify + Math.min(rng.logNormal(HOUR, 1), 2 * DAY);
  return [accept, dispatch, start, resolve, verify, close];
}

function satisfactionScore(rng: Random, late: boolean): number | null {
  if (!rng.chance(0.75)) return null;
  return rng.weighted([5, 4, 3, 2, 1], late ? [25, 30, 25, 12, 8] : [55, 28, 10, 4, 3]);
}

/** Escalations: manual ones soon after acceptance, or an automatic one at an overrun deadline. */
function escalations(
  rng: Random,
  input: LifecycleInput,
  manualLevel: number,
  accepted: number,
  resolved: number,
): LifecycleEvent[] {
  const deadline = input.reportedMs + resolveWindowMs(input.category, input.severity);
  const level = Math.max(manualLevel, resolved > deadline && rng.chance(0.6) ? 1 : 0);
  const first =
    manualLevel > 0 ? accepted + Math.min(10 * MINUTE, (resolved - accepted) / 2) : deadline;
  const gap = Math.min(rng.logNormal(6 * HOUR, 0.5), (resolved - first) / (level + 1));
  const out: LifecycleEvent[] = [];
  for (let k = 1; k <= level; k++) {
    const note = `升级：${LEVEL_NAMES[LEVELS[k - 1] as EscalationLevel]} → ${LEVEL_NAMES[LEVELS[k] as EscalationLevel]}`;
    const actor = manualLevel > 0 ? input.assigneeId : 'system';
    out.push(event('escalate', null, null, actor, first + (k - 1) * gap, note));
  }
  return out;
}

/** The normal path, possibly stalled before resolution, with escalations; returns satisfaction. */
function normalPath(rng: Random, input: LifecycleInput, events: LifecycleEvent[]): number | null {
  const manualLevel = rng.chance(ESCALATION_CHANCE[input.severity])
    ? rng.weighted([1, 2, 3], [70, 25, 5])
    : 0;
  const times = stageTimes(rng, input, manualLevel > 0 ? 1.6 : 1);
  const recent = input.nowMs - input.reportedMs < 14 * DAY;
  const stallAfter = recent && rng.chance(0.04) ? rng.int(1, 3) : STAGES.length;
  const resolved = stallAfter > 3 ? (times[3] as number) : Number.POSITIVE_INFINITY;
  const deadline = input.reportedMs + resolveWindowMs(input.category, input.severity);
  const satisfaction = satisfactionScore(rng, resolved > deadline);
  let from: IncidentStatus = 'reported';
  for (let s = 0; s < stallAfter; s++) {
    const [type, to] = STAGES[s] as [IncidentEventType, IncidentStatus];
    const actor = s === 2 || s === 3 ? input.assigneeId : s === 4 ? input.leaderId : 'operator';
    let note: string | null = null;
    if (type === 'dispatch') note = `派遣至网格员 ${input.assigneeId}`;
    if (type === 'close' && satisfaction !== null) note = `群众满意度 ${satisfaction}`;
    events.push(event(type, from, to, actor, times[s] as number, note));
    from = to;
  }
  events.push(...escalations(rng, input, manualLevel, times[0] as number, resolved));
  return satisfaction;
}

/** An early end: the report is rejected, or merged into the earlier duplicate. */
function dropEvent(rng: Random, input: LifecycleInput, fate: 'reject' | 'merge'): LifecycleEvent {
  if (fate === 'reject') {
    const note = rng.pick(['不属于受理范围', '信息不实', '已由其他部门处理']);
    const at = input.reportedMs + rng.logNormal(20 * MINUTE, 0.8);
    return event('reject', 'reported', 'rejected', 'operator', at, note);
  }
  const note = `重复上报，并入事件 #${input.duplicateCandidate}`;
  const at = input.reportedMs + rng.logNormal(15 * MINUTE, 0.8);
  return event('merge', 'reported', 'merged', 'operator', at, note);
}

/** Plans the incident's history and cuts it at `now`. */
export function planLifecycle(rng: Random, input: LifecycleInput): Lifecycle {
  const events = [event('report', null, 'reported', input.reporter, input.reportedMs)];
  const fate = rng.weighted(['normal', 'reject', 'merge'] as const, [
    95.5,
    2,
    input.duplicateCandidate === null ? 0 : 2.5,
  ]);
  let satisfaction: number | null = null;
  if (fate === 'normal') satisfaction = normalPath(rng, input, events);
  else events.push(dropEvent(rng, input, fate));
  const past = events.filter((e) => e.at <= input.nowMs).sort((a, b) => a.at - b.at);
  return summarise(input, past, satisfaction);
}

function summarise(
  input: LifecycleInput,
  events: LifecycleEvent[],
  satisfaction: number | null,
): Lifecycle {
  const reached = (type: IncidentEventType) => events.find((e) => e.type === type)?.at ?? null;
  const status = events.reduce<IncidentStatus>((s, e) => e.to_status ?? s, 'reported');
  const acceptDeadline = input.reportedMs + acceptWindowMs(input.category, input.severity);
  const resolveDeadline = input.reportedMs + resolveWindowMs(input.category, input.severity);
  const dropped = status === 'rejected' || status === 'merged';
  const lateAccept = (reached('accept') ?? input.nowMs) > acceptDeadline;
  const lateResolve = (reached('resolve') ?? input.nowMs) > resolveDeadline;
  const overdueClocks: SlaClock[] = dropped
    ? []
    : [...(lateAccept ? ['accept' as const] : []), ...(lateResolve ? ['resolve' as const] : [])];
  const escalations = events.filter((e) => e.type === 'escalate').length;
  return {
    status,
    escalationLevel: LEVELS[escalations] as EscalationLevel,
    assigneeId: reached('dispatch') === null ? null : input.assigneeId,
    duplicateOf: status === 'merged' ? input.duplicateCandidate : null,
    acceptDeadline,
    resolveDeadline,
    closedAt: reached('close') ?? reached('reject') ?? reached('merge'),
    overdue: overdueClocks.length > 0,
    overdueClocks,
    startedAt: reached('start'),
    satisfaction: status === 'closed' ? satisfaction : null,
    events,
  };
}
