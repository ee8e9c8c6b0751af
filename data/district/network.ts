import type { RoadClass } from '../../api/contract/codes';
import type { Layout } from './layout';
import { roadStems } from './names';
import type { Random } from './random';
import type { ScaleConfig } from './scales';

/**
 * The road network plan: every lattice edge is a road whose class follows the admin boundary it
 * runs along (street boundary or main line → arterial, community boundary → street, grid
 * boundary → alley). A river runs along one lattice row; only a few columns bridge it.
 */

/** Names and main lines of the lattice's road network, and the river. */
export interface NetworkPlan {
  /** Road name stems of horizontal lines (by row j) and vertical lines (by column i). */
  readonly rowStems: readonly string[];
  readonly columnStems: readonly string[];
  readonly mainRows: ReadonlySet<number>;
  readonly mainColumns: ReadonlySet<number>;
  readonly river: RiverPlan;
}

/** The river along lattice row `row`, with bridges on some columns. */
export interface RiverPlan {
  readonly name: string;
  readonly row: number;
  readonly halfWidthM: number;
  readonly bridgeColumns: ReadonlySet<number>;
}

const MAIN_LINE_EVERY = 8;

function mainLines(count: number): Set<number> {
  const out = new Set<number>();
  for (let k = MAIN_LINE_EVERY / 2; k < count; k += MAIN_LINE_EVERY) out.add(k);
  return out;
}

function cellAt(layout: Layout, columns: number, i: number, j: number) {
  return layout.grids[layout.cellGrid[j * columns + i] as number];
}

/** Class of a road between two neighbouring cells (either may be outside the district). */
function classBetween(
  layout: Layout,
  columns: number,
  a: [number, number] | null,
  b: [number, number] | null,
): RoadClass {
  if (a === null || b === null) return 'arterial';
  const ga = cellAt(layout, columns, a[0], a[1]);
  const gb = cellAt(layout, columns, b[0], b[1]);
  if (ga === undefined || gb === undefined || ga.streetIndex !== gb.streetIndex) return 'arterial';
  return ga.communityIndex !== gb.communityIndex ? 'street' : 'alley';
}

/** Class of the horizontal edge from vertex (i, j) to (i + 1, j). */
export function rowEdgeClass(
  config: ScaleConfig,
  layout: Layout,
  plan: Pick<NetworkPlan, 'mainRows'>,
  i: number,
  j: number,
): RoadClass {
  if (plan.mainRows.has(j)) return 'arterial';
  const north: [number, number] | null = j > 0 ? [i, j - 1] : null;
  const south: [number, number] | null = j < config.rows ? [i, j] : null;
  return classBetween(layout, config.columns, north, south);
}

/** Class of the vertical edge from vertex (i, j) to (i, j + 1). */
export function columnEdgeClass(
  config: ScaleConfig,
  layout: Layout,
  plan: Pick<NetworkPlan, 'mainColumns'>,
  i: number,
  j: number,
): RoadClass {
  if (plan.mainColumns.has(i)) return 'arterial';
  const west: [number, number] | null = i > 0 ? [i - 1, j] : null;
  const east: [number, number] | null = i < config.columns ? [i, j] : null;
  return classBetween(layout, config.columns, west, east);
}

/** Picks one bridge column per band of columns, preferring arterial crossings. */
function bridgeColumns(
  config: ScaleConfig,
  layout: Layout,
  plan: Pick<NetworkPlan, 'mainColumns'>,
  row: number,
  rng: Random,
): Set<number> {
  const out = new Set<number>();
  const interior = config.columns - 1;
  const count = Math.min(config.bridges, interior);
  for (let b = 0; b < count; b++) {
    const from = 1 + Math.floor((b * interior) / count);
    const to = Math.floor(((b + 1) * interior) / count);
    const band = Array.from({ length: to - from + 1 }, (_, k) => from + k);
    const arterial = band.filter(
      (i) => columnEdgeClass(config, layout, plan, i, row) === 'arterial',
    );
    out.add(rng.pick(arterial.length > 0 ? arterial : band));
  }
  return out;
}

/** Names the lattice lines, marks main lines, and lays the river and its bridges. */
export function planNetwork(config: ScaleConfig, layout: Layout, rng: Random): NetworkPlan {
  const stems = roadStems(rng, config.rows + 1 + config.columns + 1);
  const mainRows = mainLines(config.rows);
  const mainColumns = mainLines(config.columns);
  const lo = Math.max(1, Math.round(config.rows * 0.35));
  const hi = Math.min(config.rows - 1, Math.round(config.rows * 0.65));
  const row = rng.int(lo, hi);
  return {
    rowStems: stems.slice(0, config.rows + 1),
    columnStems: stems.slice(config.rows + 1),
    mainRows,
    mainColumns,
    river: {
      name: '洸府河',
      row,
      halfWidthM: config.riverHalfWidthM,
      bridgeColumns: bridgeColumns(config, layout, { mainColumns }, row, rng),
    },
  };
}
