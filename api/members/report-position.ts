import type { MemberPosition, PositionReport } from '../contract/members';
import { appendEvents } from '../db/events';
import { distanceOutsideDistrict, lockMember, saveMemberPosition } from '../db/members';
import type { ScopedRunner } from '../db/scoped';
import type { Clock } from '../domain/clock';
import { AppError, ConflictError, NotFoundError } from '../domain/errors';
import { actorName, type Principal } from '../domain/principal';

/**
 * How far outside the district a member may report from, metres: members cross the boundary
 * road, visit a neighbouring street, and phones err by tens of metres.
 */
export const MAX_OUTSIDE_DISTRICT_M = 1000;

/**
 * Records where a grid member is (and whether on duty): updates `grid_members` and appends a
 * `members` event (`position`, or `duty` when the duty changes) in one transaction. The member
 * is the caller's own (`principal.memberId`), so nobody reports for another member. A fix older
 * than the stored one is refused with 409 (not silently dropped: a device that queued fixes
 * offline learns they came too late), so late deliveries never move a member backwards; a fix
 * more than a minute in the future (a wrong device clock) is refused with 422.
 */
export async function reportPosition(
  deps: { scoped: ScopedRunner; clock: Clock; onEvents?: () => void },
  principal: Principal,
  report: PositionReport,
): Promise<MemberPosition> {
  const memberId = principal.memberId;
  if (!memberId) {
    throw new AppError(
      422,
      'not_a_member',
      'This account is not linked to a grid member: an admin sets memberId on it.',
    );
  }
  const now = deps.clock.now();
  const at = report.at === undefined ? now : new Date(report.at);
  if (at.getTime() > now.getTime() + 60_000) {
    throw new AppError(422, 'position_in_future', 'The fix time lies in the future.', [
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
    const outside = await distanceOutsideDistrict(client, report.lng, report.lat);
    if (outside === null || outside > MAX_OUTSIDE_DISTRICT_M) {
      throw new AppError(
        422,
        'outside_district',
        `The position lies more than ${MAX_OUTSIDE_DISTRICT_M} m outside the district.`,
        [{ path: 'lng', message: 'outside the district' }],
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
