import {
  BUILDING_SHARE_TOLERANCE,
  GRID_AREA_TOLERANCE_M2,
  type GridQualityReport,
} from '../contract/quality';
import { findGaps, findOutside, findOverlaps } from './grid-quality-areas';
import { findMisplacedBuildings } from './grid-quality-buildings';
import { queryRows, type Queryable } from './queryable';

/** Which grids to check: every community, or only these (a grid import checks what it touched). */
export interface GridQualityScope {
  communityCodes?: readonly string[];
}

/**
 * The grid topology check (全覆盖、无缝隙、不重叠): gaps in each community's cover, overlapping
 * grids (within a community and across two), grids reaching beyond their community, and buildings
 * in no grid or in several. Pieces under {@link GRID_AREA_TOLERANCE_M2} are boundary noise and
 * left out. Reads only; run it inside an import's transaction to check what is about to land.
 */
export async function checkGridTopology(
  db: Queryable,
  scope: GridQualityScope = {},
): Promise<GridQualityReport> {
  const codes = scope.communityCodes ? [...scope.communityCodes] : null;
  const tolerance = GRID_AREA_TOLERANCE_M2;
  // One after another: on a transaction's client the statements queue anyway.
  const gaps = await findGaps(db, codes, tolerance);
  const overlaps = await findOverlaps(db, codes, tolerance);
  const outside = await findOutside(db, codes, tolerance);
  const buildings = await findMisplacedBuildings(db, codes, BUILDING_SHARE_TOLERANCE);
  const clean = !gaps.length && !overlaps.length && !outside.length && !buildings.length;
  return { gaps, overlaps, outside, buildings, clean };
}

/** Codes of `codes` that name no community (a street or district code is not one). */
export async function unknownCommunityCodes(
  db: Queryable,
  codes: readonly string[],
): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    `SELECT c AS code FROM unnest($1::text[]) c
      WHERE NOT EXISTS (SELECT 1 FROM admin_areas a WHERE a.code = c AND a.level = 'community')`,
    [codes],
  );
  return rows.map((row) => row.code);
}
