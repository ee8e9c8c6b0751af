import type { ImportProblem } from '../../contract/imports';
import { importError } from '../../domain/import/problems';
import type { PreparedRow } from './prepare-rows';
import {
  communityOf,
  isProblem,
  placeOf,
  type Resolved,
  type ResolveContext,
} from './resolve-context';

/**
 * A grid member: the community given, or else that of the first assigned grid; every assigned
 * grid must exist. The street is the community's parent. `grids` stays null when the file has
 * no such column, and the member's assignments are then left as they are.
 */
export function resolveMember(row: PreparedRow, ctx: ResolveContext): Resolved {
  const grids = (row.values.grids as string[] | null) ?? null;
  const problems = unknownGrids(row, grids ?? [], ctx);
  const given = row.values.community_code as string | null;
  const community = given ?? (grids?.[0] ? ctx.grids.get(grids[0])?.communityCode : undefined);
  if (!community) {
    if (problems.length > 0) return { record: null, problems };
    const missing = importError(
      placeOf(row, 'community_code'),
      'missing_field',
      '缺少所属社区（或所属网格）。',
      'Missing the community (or the assigned grids).',
    );
    return { record: null, problems: [missing] };
  }
  const found = communityOf(row, community, ctx);
  if (isProblem(found)) return { record: null, problems: [...problems, found] };
  if (problems.length > 0) return { record: null, problems };
  const record = {
    ...row.values,
    id: row.key,
    community_code: found.community,
    street_code: found.street,
    grids,
  };
  return { record, problems };
}

function unknownGrids(
  row: PreparedRow,
  grids: readonly string[],
  ctx: ResolveContext,
): ImportProblem[] {
  return grids
    .filter((grid) => !ctx.grids.has(grid))
    .map((grid) =>
      importError(
        placeOf(row, 'grids'),
        'unknown_grid',
        `网格“${grid}”不存在。`,
        `Unknown grid "${grid}".`,
      ),
    );
}
