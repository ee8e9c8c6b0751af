import type { IncidentStatus } from '../contract/codes';
import type { IncidentAction } from '../contract/incidents';
import type { Random } from './random';

/** An open incident the simulator may move on. */
export interface OpenIncident {
  code: string;
  status: IncidentStatus;
  /** Who to dispatch to: the assignee, or a member of the incident's community. */
  assigneeId: string | null;
}

/** The share of incidents nobody handles, so they run late and escalate. */
export const NEGLECTED_SHARE = 0.12;

/** True for the incidents the simulated command center never gets to (stable per code). */
export function neglected(code: string): boolean {
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return (hash % 1000) / 1000 < NEGLECTED_SHARE;
}

/**
 * The next action on an incident, or null to leave it for now: the normal path accept →
 * dispatch → start → resolve → verify → close, with a few rejections at intake and a few
 * failed verifications sent back. Pure: the randomness is a parameter.
 */
export function nextAction(incident: OpenIncident, random: Random): IncidentAction | null {
  if (neglected(incident.code)) return null;
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
      return { action: 'start' };
    case 'in_progress':
      return { action: 'resolve', note: '已到场处置' };
    case 'resolved':
      return random.chance(0.08)
        ? { action: 'reopen', reason: '复核未整改到位' }
        : { action: 'verify' };
    case 'verified':
      return { action: 'close' };
    default:
      return null;
  }
}
