import { queryRows, type Queryable } from './queryable';

/** A member's assigned grids as the file lists them. */
export interface MemberGrids {
  memberId: string;
  grids: readonly string[];
}

/** The assignment rows to add and remove so each member has exactly the file's grids. */
export interface MemberGridsPlan {
  add: { memberId: string; gridCode: string }[];
  remove: { memberId: string; gridCode: string }[];
  /** Members whose assignments change. */
  changed: Set<string>;
}

/** Compares the file's assignments with the stored ones (only members the file lists grids for). */
export async function planMemberGrids(
  db: Queryable,
  wanted: readonly MemberGrids[],
): Promise<MemberGridsPlan> {
  const stored = await queryRows<{ member_id: string; grid_code: string }>(
    db,
    'SELECT member_id, grid_code FROM grid_member_grids WHERE member_id = ANY($1::text[])',
    [wanted.map((w) => w.memberId)],
  );
  const have = new Map<string, Set<string>>();
  for (const s of stored) {
    const set = have.get(s.member_id) ?? new Set<string>();
    set.add(s.grid_code);
    have.set(s.member_id, set);
  }
  const plan: MemberGridsPlan = { add: [], remove: [], changed: new Set() };
  for (const { memberId, grids } of wanted) {
    const current = have.get(memberId) ?? new Set<string>();
    for (const g of grids) if (!current.has(g)) plan.add.push({ memberId, gridCode: g });
    for (const g of current) if (!grids.includes(g)) plan.remove.push({ memberId, gridCode: g });
  }
  for (const change of [...plan.add, ...plan.remove]) plan.changed.add(change.memberId);
  return plan;
}

/** Applies a plan: one DELETE and one multi-row INSERT. */
export async function applyMemberGrids(db: Queryable, plan: MemberGridsPlan): Promise<void> {
  if (plan.remove.length > 0) {
    await db.query(
      `DELETE FROM grid_member_grids m USING jsonb_to_recordset($1::jsonb) AS v("memberId" text, "gridCode" text)
        WHERE m.member_id = v."memberId" AND m.grid_code = v."gridCode"`,
      [JSON.stringify(plan.remove)],
    );
  }
  if (plan.add.length > 0) {
    await db.query(
      `INSERT INTO grid_member_grids (member_id, grid_code)
       SELECT v."memberId", v."gridCode" FROM jsonb_to_recordset($1::jsonb) AS v("memberId" text, "gridCode" text)`,
      [JSON.stringify(plan.add)],
    );
  }
}
