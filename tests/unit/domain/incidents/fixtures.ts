import type { IncidentStatus, UserRole } from '../../../../api/contract/codes';
import type { IncidentAction, IncidentActionName } from '../../../../api/contract/incidents';
import type { Actor } from '../../../../api/domain/incidents/actor';
import { deadlinesFor } from '../../../../api/domain/incidents/sla';
import type { IncidentState } from '../../../../api/domain/incidents/state';

/** Shared fixtures of the incident workflow tests. */

export const T0 = new Date('2025-03-01T08:00:00Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** `T0` plus some minutes. */
export function at(minutes: number): Date {
  return new Date(T0.getTime() + minutes * MINUTE);
}

export const CODE = 'YP20250301000001';
export const OTHER_CODE = 'YP20250301000099';
export const ASSIGNEE = 'M000001';
export const OTHER_MEMBER = 'M000002';

const ENDED: readonly IncidentStatus[] = ['closed', 'rejected', 'merged'];
const STARTED: readonly IncidentStatus[] = ['in_progress', 'resolved', 'verified', 'closed'];

/** A consistent incident in `status` (city appearance, medium, assigned to `ASSIGNEE`). */
export function incidentAt(
  status: IncidentStatus,
  overrides: Partial<IncidentState> = {},
): IncidentState {
  return {
    code: CODE,
    category: 'city_appearance',
    severity: 'medium',
    status,
    escalationLevel: 'grid',
    assigneeId: ASSIGNEE,
    duplicateOf: status === 'merged' ? OTHER_CODE : null,
    reportedAt: T0,
    ...deadlinesFor('city_appearance', 'medium', T0),
    startedAt: STARTED.includes(status) ? at(20) : null,
    closedAt: ENDED.includes(status) ? at(30) : null,
    overdueClocks: [],
    satisfaction: null,
    version: 3,
    ...overrides,
  };
}

/** A well-formed input for every action. */
export const VALID_INPUT: { readonly [A in IncidentActionName]: IncidentAction & { action: A } } = {
  accept: { action: 'accept' },
  reject: { action: 'reject', reason: '不属于受理范围' },
  dispatch: { action: 'dispatch', assigneeId: OTHER_MEMBER },
  start: { action: 'start' },
  resolve: { action: 'resolve', note: '已清理' },
  verify: { action: 'verify' },
  reopen: { action: 'reopen', reason: '现场仍有垃圾' },
  close: { action: 'close' },
  escalate: { action: 'escalate' },
  merge: { action: 'merge', into: OTHER_CODE },
  rate: { action: 'rate', satisfaction: 4 },
};

/** An actor of `role`, optionally linked to a grid-member record. */
export function actorOf(role: UserRole, memberId: string | null = null): Actor {
  return { name: `user:${role}`, role, memberId };
}

export const ADMIN = actorOf('admin');
