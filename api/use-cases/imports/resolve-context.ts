import type { ImportProblem } from '../../contract/imports';
import type { KnownArea, KnownGrid } from '../../db/import-references';
import type { ImportRecord } from '../../db/import-upsert';
import { importError, type ProblemPlace } from '../../domain/import/problems';
import type { PlaceChecks } from './check-rows';
import type { PreparedRow } from './prepare-rows';

/** What the derivations of a layer see: the transaction's areas and grids, and each row's place. */
export interface ResolveContext {
  areas: ReadonlyMap<string, KnownArea>;
  grids: ReadonlyMap<string, KnownGrid>;
  checks: PlaceChecks;
  /** Rows of the file by key (admin areas may name parents the same file brings). */
  fileRows: ReadonlyMap<string, PreparedRow>;
}

/** A row made ready to write, or the problems that stop it. */
export type Resolved =
  { record: ImportRecord; problems: ImportProblem[] } | { record: null; problems: ImportProblem[] };

/** The place of a row's problem about `field`. */
export function placeOf(row: PreparedRow, field: string): ProblemPlace {
  return { index: row.index, row: row.row, field };
}

/** The row's point on surface, for messages ("at 116.400000, 39.900000"). */
export function whereIs(row: PreparedRow, ctx: ResolveContext): string {
  const at = ctx.checks.get(row.index)?.at;
  return at ? `${at[0].toFixed(6)}, ${at[1].toFixed(6)}` : '?';
}

/** The community a code names, with its street, or an `unknown_community` error. */
export function communityOf(
  row: PreparedRow,
  code: string,
  ctx: ResolveContext,
  field = 'community_code',
): { community: string; street: string } | ImportProblem {
  const area = ctx.areas.get(code);
  if (area?.level === 'community' && area.parentCode)
    return { community: code, street: area.parentCode };
  return importError(
    placeOf(row, field),
    'unknown_community',
    `社区“${code}”不存在（请先导入行政区划）。`,
    `Unknown community "${code}" (import the admin areas first).`,
  );
}

/** The community and street containing the row's geometry, or an `outside_areas` error. */
export function placeByGeometry(
  row: PreparedRow,
  ctx: ResolveContext,
): { community: string; street: string } | ImportProblem {
  const check = ctx.checks.get(row.index);
  const community = check?.communityCode ?? null;
  const street = (community && ctx.areas.get(community)?.parentCode) ?? check?.streetCode ?? null;
  if (community && street) return { community, street };
  const at = whereIs(row, ctx);
  return importError(
    placeOf(row, 'geometry'),
    'outside_areas',
    `不在任何社区内（${at}）。`,
    `Not inside any community (at ${at}).`,
  );
}

/** True for a problem rather than a found place. */
export function isProblem<T extends object>(value: T | ImportProblem): value is ImportProblem {
  return 'severity' in value;
}
