import type { MemberRole } from '../../api/contract/codes';
import type { CommunityPlan, Layout } from './layout';
import { mobileNumber, personName } from './names';
import { splitInteger } from './plane';
import type { Random } from './random';
import type { ScaleConfig } from './scales';

/**
 * "1+1+Z+N" staffing per community: one leader (网格长) over a few neighbouring grids, one grid
 * member (专兼职网格员) per urban grid or per pair of village grids, Z professionals (police,
 * city management…) over larger groups of grids, and N helpers (property staff, volunteers).
 */

/** A member and the grids they are assigned to. */
export interface MemberPlan {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly role: MemberRole;
  readonly phone: string;
  readonly streetIndex: number;
  readonly communityIndex: number;
  readonly gridIndexes: readonly number[];
}

/** All members, plus per-grid lookups used by grids and incidents. */
export interface Staffing {
  readonly members: MemberPlan[];
  /** Member index of each grid's leader. */
  readonly leaderOf: Int32Array;
  /** Member indexes who handle incidents in each grid: grid members first, then the leader. */
  readonly handlersOf: readonly number[][];
}

/** Member ids are `M` followed by six digits. */
export function memberId(index: number): string {
  return `M${String(index + 1).padStart(6, '0')}`;
}

/** Consecutive groups of at most about `span` items, with balanced sizes. */
function groups<T>(items: readonly T[], span: number): T[][] {
  const count = Math.max(1, Math.ceil(items.length / span));
  const sizes = splitInteger(
    items.length,
    Array.from({ length: count }, () => 1),
  );
  const out: T[][] = [];
  let start = 0;
  for (const size of sizes) {
    if (size > 0) out.push(items.slice(start, start + size));
    start += size;
  }
  return out;
}

interface Roster {
  add(role: MemberRole, gridIndexes: readonly number[]): number;
}

function staffCommunity(
  config: ScaleConfig,
  community: CommunityPlan,
  rng: Random,
  roster: Roster,
  staffing: Staffing,
): void {
  const grids = community.gridIndexes;
  const village = community.kind === 'village';
  for (const group of groups(grids, config.leaderSpan + (village ? 2 : 0))) {
    const leader = roster.add('leader', group);
    for (const g of group) staffing.leaderOf[g] = leader;
  }
  const memberGroups = village ? groups(grids, config.villageMemberSpan) : grids.map((g) => [g]);
  for (const group of memberGroups) {
    const role = rng.chance(village ? 0.3 : 0.75) ? 'full_time' : 'part_time';
    const member = roster.add(role, group);
    for (const g of group) staffing.handlersOf[g]?.push(member);
  }
  for (const group of groups(grids, config.professionalSpan)) roster.add('professional', group);
  const helpers = Math.floor(grids.length * config.helpersPerGrid + rng.next());
  for (let h = 0; h < helpers; h++) {
    const start = rng.int(0, grids.length - 1);
    roster.add('helper', grids.slice(start, start + rng.int(1, 2)));
  }
  for (const g of grids) staffing.handlersOf[g]?.push(staffing.leaderOf[g] as number);
}

/** Builds every member of the district and their grid assignments. */
export function buildStaffing(config: ScaleConfig, layout: Layout, rng: Random): Staffing {
  const staffing: Staffing = {
    members: [],
    leaderOf: new Int32Array(layout.grids.length).fill(-1),
    handlersOf: layout.grids.map(() => []),
  };
  for (const community of layout.communities) {
    const roster: Roster = {
      add: (role, gridIndexes) => {
        const index = staffing.members.length;
        staffing.members.push({
          index,
          id: memberId(index),
          name: personName(rng),
          role,
          phone: mobileNumber(rng),
          streetIndex: community.streetIndex,
          communityIndex: community.index,
          gridIndexes,
        });
        return index;
      },
    };
    staffCommunity(config, community, rng, roster, staffing);
  }
  return staffing;
}
