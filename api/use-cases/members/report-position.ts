import { MEMBER_REACH_M, type MemberPosition, type PositionReport } from '../../contract/members';
import { appendEvents } from '../../db/events';
import { distanceFromMemberArea, lockMember, saveMemberPosition } from '../../db/members';
import type { ScopedRunner } from '../../db/scoped';
import type { Clock } from '../../domain/clock';
import { AppError, ConflictError, NotFoundError } from '../../domain/errors';
import { actorName, type Principal } from '../../domain/principal';

/**
 * Records where a grid member is (and whether on duty): updates `grid_members` and appends a
 * `members` event (`position`, or `duty` when the duty changes) in one transaction. The member
 * is the caller's own (`principal.memberId`), so nobody reports for another member. A fix older
 * than the stored one is refused with 409 (not silently dropped: a device that queued fixes
 * offline learns they came too late), so late deliveries never move a member backwards; a fix
 * more than a minute in the future (a wrong device clock) is refused with 422, and so is a
 * position more than `MEMBER_REACH_M` from the member's grids.
 */
export async function reportPosition(
  deps: { scoped: ScopedRunner; clock: Clock; onEvents?: () => void },
  principal: Principal,
  report: PositionReport,
): Promise<MemberPosition> {
  const memberId = principal.memberId;
  if (!memberId) {
    throw new AppError(
      'not_a_member',
      'This account is not linked to a grid member: an admin sets memberId on it.',
    );
  }
  const now = deps.clock.now();
  const at = report.at === undefined ? now : new Date(report.at);
  if (at.getTime() > now.getTime() + 60_000) {
    throw new AppError('position_in_future', 'The fix time lies in the future.', [
      { path: 'at', message: 'in the future' },
    ]);
  }
  const result = await deps.scoped(principal, async (client) => {
    const member = await lockMember(client, memberId);
    if (!member) throw new NotFoundError(`There is no grid member ${memberId} in your area.`);
    if (member.positionAt !== null && at.getTime() < member.positionAt.getTime()) {
      throw new ConflictError(
        `A newer position (${member.positionAt.toISOString()}) is already stored; this fix is older.`,
      );
    }
    const away = await distanceFromMemberArea(client, member.id, report.lng, report.lat);
    if (away === null || away > MEMBER_REACH_M) {
      throw new AppError(
        'outside_member_area',
        `The position lies more than ${MEMBER_REACH_M} m from your grids: check the device's location fix.`,
        [{ path: 'lng', message: `more than ${MEMBER_REACH_M} m from your grids` }],
      );
    }
    const onDuty = report.onDuty ?? member.onDuty;
    await saveMemberPosition(client, member.id, { lng: report.lng, lat: report.lat, at, onDuty });
    await appendEvents(client, [
      {
        topic: 'members',
        incidentId: null,
        subject: member.id,
        scopeCode: member.communityCode,
        streetCode: member.streetCode,
        type: onDuty === member.onDuty ? 'position' : 'duty',
        fromStatus: null,
        toStatus: null,
        actor: actorName(principal),
        note: null,
        at,
        alert: false,
        payload: { lng: report.lng, lat: report.lat, onDuty, at: at.toISOString() },
      },
    ]);
    return {
      id: member.id,
      lng: report.lng,
      lat: report.lat,
      positionAt: at.toISOString(),
      onDuty,
    };
  });
  deps.onEvents?.();
  return result;
}
