import type { ImportRecord } from '../../db/import-upsert';
import { communityOfGrid as gridCommunity, gridCodeFault } from '../../domain/import/admin-codes';
import { importError } from '../../domain/import/problems';
import type { PreparedRow } from './prepare-rows';
import {
  communityOf,
  isProblem,
  placeByGeometry,
  placeOf,
  whereIs,
  type Resolved,
  type ResolveContext,
} from './resolve-context';

const fine = (record: ImportRecord): Resolved => ({ record, problems: [] });

/** A grid: its community is its code's first 12 digits, which must be a known community. */
export function resolveGrid(row: PreparedRow, ctx: ResolveContext): Resolved {
  const code = row.key!;
  const fault = gridCodeFault(code);
  if (fault)
    return {
      record: null,
      problems: [importError(placeOf(row, 'code'), 'invalid_code', fault.zh, fault.en)],
    };
  const community = gridCommunity(code);
  const given = row.values.community_code as string | null;
  if (given && given !== community) {
    return {
      record: null,
      problems: [
        importError(
          placeOf(row, 'community_code'),
          'community_mismatch',
          `网格编码“${code}”不以所属社区“${given}”开头。`,
          `Grid code "${code}" does not begin with its community "${given}".`,
        ),
      ],
    };
  }
  const found = communityOf(row, community, ctx, 'code');
  if (isProblem(found)) return { record: null, problems: [found] };
  return fine({
    ...row.values,
    code,
    community_code: community,
    street_code: found.street,
    geom: row.wgs84,
  });
}

/** A point (camera, service point) takes the community and street it lies in. */
export function resolvePoint(row: PreparedRow, ctx: ResolveContext): Resolved {
  const found = placeByGeometry(row, ctx);
  if (isProblem(found)) return { record: null, problems: [found] };
  return fine({
    ...row.values,
    code: row.key,
    community_code: found.community,
    street_code: found.street,
    geom: row.wgs84,
  });
}

/** A building belongs to the grid it names, or else to the grid holding its point on surface. */
export function resolveBuilding(row: PreparedRow, ctx: ResolveContext): Resolved {
  const given = row.values.grid_code as string | null;
  const check = ctx.checks.get(row.index);
  const gridCode = given ?? check?.gridCode ?? null;
  const grid = gridCode ? ctx.grids.get(gridCode) : undefined;
  if (!gridCode || !grid) {
    const at = whereIs(row, ctx);
    const problem = given
      ? importError(
          placeOf(row, 'grid_code'),
          'unknown_grid',
          `网格“${given}”不存在。`,
          `Unknown grid "${given}".`,
        )
      : importError(
          placeOf(row, 'geometry'),
          'no_grid',
          `楼栋不在任何网格内（${at}）。`,
          `The building lies in no grid (at ${at}).`,
        );
    return { record: null, problems: [problem] };
  }
  return fine({
    ...row.values,
    code: row.key,
    grid_code: gridCode,
    street_code: grid.streetCode,
    geom: row.wgs84,
  });
}

/** A road belongs to the street holding its point on surface. */
export function resolveRoad(row: PreparedRow, ctx: ResolveContext): Resolved {
  const street = ctx.checks.get(row.index)?.streetCode ?? null;
  if (!street) {
    const at = whereIs(row, ctx);
    return {
      record: null,
      problems: [
        importError(
          placeOf(row, 'geometry'),
          'outside_areas',
          `道路不在任何街道内（${at}）。`,
          `The road lies in no street (at ${at}).`,
        ),
      ],
    };
  }
  return fine({ ...row.values, code: row.key, street_code: street, geom: row.wgs84 });
}

/** A water area needs nothing derived. */
export function resolveWater(row: PreparedRow): Resolved {
  return fine({ ...row.values, code: row.key, geom: row.wgs84 });
}
