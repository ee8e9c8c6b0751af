import type { MemberRole } from '../../api/contract/codes';
import { gridAt, samplePointInGrid, toPoint, type DistrictModel } from './model';
import { Random } from './random';
import type { GridMemberGridRow, GridMemberRow } from './rows';
import { floorSecond, isoTime, localHour, MINUTE } from './time';

/** Share of each role on duty in the daytime; evenings and nights scale it down. */
const DAYTIME_ON_DUTY: Readonly<Record<MemberRole, number>> = {
  leader: 0.7,
  full_time: 0.8,
  part_time: 0.4,
  professional: 0.6,
  helper: 0.25,
};

function shiftFactor(hour: number): number {
  if (hour >= 8 && hour < 18) return 1;
  if (hour >= 18 && hour < 22) return 0.4;
  if (hour >= 6 && hour < 8) return 0.5;
  return 0.12;
}

/**
 * Grid members. Who is on duty depends on the local hour of `now`; only those on duty carry a
 * last position (inside one of their grids, reported in the last 15 minutes).
 */
export function* memberRows(model: DistrictModel): Generator<GridMemberRow> {
  const rng = new Random(model.seed, 'member-duty');
  const factor = shiftFactor(localHour(model.nowMs));
  const { communities, streets } = model.layout;
  for (const member of model.staffing.members) {
    const onDuty = rng.chance(DAYTIME_ON_DUTY[member.role] * factor);
    let position: Pick<GridMemberRow, 'geom' | 'position_at'> = { geom: null, position_at: null };
    if (onDuty) {
      const grid = gridAt(model, rng.pick(member.gridIndexes));
      const at = floorSecond(model.nowMs - rng.float(0, 15 * MINUTE));
      position = {
        geom: toPoint(model, samplePointInGrid(model, rng, grid, 5)),
        position_at: isoTime(at),
      };
    }
    yield {
      id: member.id,
      name: member.name,
      role: member.role,
      phone: member.phone,
      street_code: streets[member.streetIndex]?.code ?? '',
      community_code: communities[member.communityIndex]?.code ?? '',
      on_duty: onDuty,
      ...position,
    };
  }
}

/** The many-to-many assignment of members to grids. */
export function* memberGridRows(model: DistrictModel): Generator<GridMemberGridRow> {
  for (const member of model.staffing.members) {
    for (const g of member.gridIndexes) {
      yield { member_id: member.id, grid_code: gridAt(model, g).code };
    }
  }
}
