import type { AdminLevel } from '../../contract/codes';
import type { ImportProblem } from '../../contract/imports';
import {
  adminCodeFault,
  communityKindOfName,
  levelOfCode,
  parentOfCode,
} from '../../domain/import/admin-codes';
import { importError } from '../../domain/import/problems';
import type { PreparedRow } from './prepare-rows';
import {
  communityOf,
  isProblem,
  placeOf,
  type Resolved,
  type ResolveContext,
} from './resolve-context';

const PARENT_LEVEL: Record<AdminLevel, AdminLevel | null> = {
  district: null,
  street: 'district',
  community: 'street',
};

/**
 * An admin area: a GB/T 2260 code whose shape agrees with its level (derived from the code when
 * absent), a parent one level up with the same county prefix — in the file or already stored —
 * and a kind for communities (…村 is a village when the file says nothing).
 */
export function resolveAdminArea(row: PreparedRow, ctx: ResolveContext): Resolved {
  const code = row.key!;
  const fault = adminCodeFault(code);
  if (fault)
    return {
      record: null,
      problems: [importError(placeOf(row, 'code'), 'invalid_code', fault.zh, fault.en)],
    };
  const level = (row.values.level as AdminLevel | null) ?? levelOfCode(code);
  const problems: ImportProblem[] = [];
  if (level !== levelOfCode(code)) {
    problems.push(
      importError(
        placeOf(row, 'level'),
        'level_mismatch',
        `级别 ${level} 与代码“${code}”的形式（${levelOfCode(code)}）不符。`,
        `Level ${level} does not match the shape of code "${code}" (${levelOfCode(code)}).`,
      ),
    );
  }
  const parent =
    level === 'district' ? null : ((row.values.parent_code as string | null) ?? parentOfCode(code));
  if (parent !== null) problems.push(...parentProblems(row, code, parent, level, ctx));
  const kind =
    level === 'community'
      ? ((row.values.kind as string | null) ?? communityKindOfName(String(row.values.name)))
      : null;
  if (problems.length > 0) return { record: null, problems };
  return {
    record: { ...row.values, code, level, parent_code: parent, kind, geom: row.wgs84 },
    problems,
  };
}

function parentProblems(
  row: PreparedRow,
  code: string,
  parent: string,
  level: AdminLevel,
  ctx: ResolveContext,
): ImportProblem[] {
  const place = placeOf(row, 'parent_code');
  if (parent.slice(0, 6) !== code.slice(0, 6)) {
    return [
      importError(
        place,
        'invalid_parent',
        `上级“${parent}”与“${code}”不属于同一县级区划。`,
        `Parent "${parent}" is not in the same county as "${code}".`,
      ),
    ];
  }
  const inFile = ctx.fileRows.get(parent);
  const parentLevel = inFile
    ? ((inFile.values.level as AdminLevel | null) ?? levelOfCode(parent))
    : ctx.areas.get(parent)?.level;
  if (parentLevel === PARENT_LEVEL[level]) return [];
  if (!parentLevel) {
    return [
      importError(
        place,
        'unknown_parent',
        `上级区划“${parent}”不存在。`,
        `Unknown parent area "${parent}".`,
      ),
    ];
  }
  return [
    importError(
      place,
      'invalid_parent',
      `上级“${parent}”是 ${parentLevel}，应为 ${PARENT_LEVEL[level]}。`,
      `Parent "${parent}" is a ${parentLevel}; a ${level}'s parent is a ${PARENT_LEVEL[level]}.`,
    ),
  ];
}

/**
 * A grid member: the community given, or else that of the first assigned grid; every assigned
 * grid must exist. The street is the community's parent.
 */
export function resolveMember(row: PreparedRow, ctx: ResolveContext): Resolved {
  const grids = (row.values.grids as string[] | null) ?? null;
  const problems: ImportProblem[] = [];
  for (const grid of grids ?? []) {
    if (!ctx.grids.has(grid)) {
      problems.push(
        importError(
          placeOf(row, 'grids'),
          'unknown_grid',
          `网格“${grid}”不存在。`,
          `Unknown grid "${grid}".`,
        ),
      );
    }
  }
  const given = row.values.community_code as string | null;
  const fromGrid = grids?.[0] ? ctx.grids.get(grids[0])?.communityCode : undefined;
  const community = given ?? fromGrid ?? null;
  if (!community) {
    if (problems.length === 0)
      problems.push(
        importError(
          placeOf(row, 'community_code'),
          'missing_field',
          '缺少所属社区（或所属网格）。',
          'Missing the community (or the assigned grids).',
        ),
      );
    return { record: null, problems };
  }
  const found = communityOf(row, community, ctx);
  if (isProblem(found)) problems.push(found);
  if (problems.length > 0 || isProblem(found)) return { record: null, problems };
  return {
    record: {
      ...row.values,
      id: row.key,
      community_code: found.community,
      street_code: found.street,
      grids,
    },
    problems,
  };
}
