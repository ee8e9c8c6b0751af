import type { IncidentStatus } from '../../api/contract/codes';
import type { IncidentAction } from '../../api/contract/incidents';
import type { Random } from '../district/random';

/** An open incident the simulated command center may move on. */
export interface OpenIncident {
  code: string;
  status: IncidentStatus;
  /** Who to dispatch to: the assignee, or a member of the incident's community. */
  assigneeId: string | null;
  /** When its status last changed. */
  updatedAt: Date;
}

/** The share of incidents nobody handles, so they run late and the SLA sweep escalates them. */
export const NEGLECTED_SHARE = 0.12;

/** Seconds an incident stays in a status at least, so the wall screen shows every step. */
export const MIN_DWELL_SECONDS = 15;

/** True for the incidents the simulated command center never gets to (stable per code). */
export function neglected(code: string): boolean {
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return (hash % 1000) / 1000 < NEGLECTED_SHARE;
}

/**
 * The next action on an incident, or null to leave it for now (neglected, or changed less than
 * `MIN_DWELL_SECONDS` ago): the normal path accept → dispatch → start → resolve → verify →
 * close, with a few rejections at intake and a few failed verifications sent back. Pure: the
 * clock and the randomness are parameters.
 */
export function nextAction(
  incident: OpenIncident,
  now: Date,
  random: Random,
): IncidentAction | null {
  if (neglected(incident.code)) return null;
  if (now.getTime() - incident.updatedAt.getTime() < MIN_DWELL_SECONDS * 1000) return null;
  switch (incident.status) {
    case 'reported':
      return random.chance(0.04)
        ? { action: 'reject', reason: '经核实不属于受理范围' }
        : { action: 'accept' };
    case 'accepted':
      return incident.assigneeId === null
        ? { action: 'dispatch' }
        : { action: 'dispatch', assigneeId: incident.assigneeId };
    case 'dispatched':
      return { action: 'start', note: '已到达现场' };
    case 'in_progress':
      return { action: 'resolve', note: random.pick(RESOLUTIONS) };
    case 'resolved':
      return random.chance(0.08)
        ? { action: 'reopen', reason: '复核未整改到位，退回重办' }
        : { action: 'verify' };
    case 'verified':
      return { action: 'close' };
    default:
      return null;
  }
}

const RESOLUTIONS = ['已现场处置完毕', '已协调相关部门处理', '已调解，双方达成一致', '已清理完毕'];
