import type { UserRole } from '../../contract/codes';
import type { IncidentActionName } from '../../contract/incidents';
import { ForbiddenError } from '../errors';
import { roleAllows, type Permission } from '../permissions';
import { actorName, type Principal } from '../principal';
import type { IncidentState } from './state';

/**
 * Who may do what to an incident, from the permissions of `api/domain/permissions.ts`:
 *
 * - `incidents:act` (admin, commander, operator) allows every action except `escalate`.
 * - `incidents:act-assigned` alone (grid_member) allows `accept`, `start` and `resolve`, and
 *   only on incidents whose assignee is the caller's own grid-member id. Accepting lets the
 *   responsible member acknowledge an urgent call within its minute; starting and resolving are
 *   the member's field work. Rejecting, dispatching, verifying, reopening, closing, merging and
 *   rating stay with the command center, so a member never verifies or closes their own work.
 * - `incidents:escalate` (admin, commander) allows `escalate`.
 * - Closing an incident escalated above `grid` also needs `incidents:close-escalated`.
 *
 * Area scopes are not checked here: the caller only ever sees incidents inside its scope
 * (row-level security), so an incident reaching the workflow is already in scope.
 */
export interface Actor {
  /** How the event log names the actor, e.g. `user:wang` (see `actorName`). */
  readonly name: string;
  readonly role: UserRole;
  /** The `grid_members.id` this actor works as, if any; needed for `incidents:act-assigned`. */
  readonly memberId: string | null;
}

/** The actor of a request. `memberId` links a grid_member's account to their member record. */
export function actorFromPrincipal(principal: Principal, memberId: string | null = null): Actor {
  return { name: actorName(principal), role: principal.role, memberId };
}

/** Actions a grid member may take on incidents assigned to them. */
export const ASSIGNED_ACTIONS: readonly IncidentActionName[] = ['accept', 'start', 'resolve'];

function grantingPermissions(action: IncidentActionName): readonly Permission[] {
  if (action === 'escalate') return ['incidents:escalate'];
  if (ASSIGNED_ACTIONS.includes(action)) return ['incidents:act', 'incidents:act-assigned'];
  return ['incidents:act'];
}

/** True when the actor's role could take `action` on some incident. */
export function roleMayAttempt(actor: Actor, action: IncidentActionName): boolean {
  return grantingPermissions(action).some((p) => roleAllows(actor.role, p));
}

function roleRefusal(actor: Actor, action: IncidentActionName): string {
  const needed = grantingPermissions(action).join(' or ');
  return `Role ${actor.role} may not ${action} incidents (needs ${needed}).`;
}

/** Throws `ForbiddenError` (403) when the actor's role can never take `action`. */
export function assertRoleMayAttempt(actor: Actor, action: IncidentActionName): void {
  if (!roleMayAttempt(actor, action)) throw new ForbiddenError(roleRefusal(actor, action));
}

/** Why `actor` may not take `action` on this incident, or null when it may. */
export function forbiddenReason(
  incident: IncidentState,
  action: IncidentActionName,
  actor: Actor,
): string | null {
  if (!roleMayAttempt(actor, action)) return roleRefusal(actor, action);
  if (action === 'escalate') return null;
  if (!roleAllows(actor.role, 'incidents:act')) {
    if (actor.memberId !== null && incident.assigneeId === actor.memberId) return null;
    const holder = incident.assigneeId ?? 'nobody';
    return `${actor.name} may ${action} only incidents assigned to them; ${incident.code} is assigned to ${holder}.`;
  }
  if (
    action === 'close' &&
    incident.escalationLevel !== 'grid' &&
    !roleAllows(actor.role, 'incidents:close-escalated')
  ) {
    return `Incident ${incident.code} is escalated to the ${incident.escalationLevel} level: closing it needs incidents:close-escalated.`;
  }
  return null;
}

/** Throws `ForbiddenError` (403) unless `actor` may take `action` on this incident. */
export function assertPermitted(
  incident: IncidentState,
  action: IncidentActionName,
  actor: Actor,
): void {
  const reason = forbiddenReason(incident, action, actor);
  if (reason !== null) throw new ForbiddenError(reason);
}
