import type { GridQualityReport } from '../contract/quality';
import type { Queryable } from './queryable';

/** Which grids to check: every community, or only these (a grid import checks what it touched). */
export interface GridQualityScope {
  communityCodes?: readonly string[];
}

/**
 * The grid topology check (全覆盖、无缝隙、不重叠). Frame stub: reports nothing until the check
 * lands; its signature is what the import and the quality route call.
 */
export async function checkGridTopology(
  _db: Queryable,
  _scope: GridQualityScope = {},
): Promise<GridQualityReport> {
  return Promise.resolve({ gaps: [], overlaps: [], outside: [], buildings: [], clean: true });
}
