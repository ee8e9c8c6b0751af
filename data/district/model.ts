import type { Point, Position } from 'geojson';
import type { SeedScale } from '../../api/contract/codes';
import { samplePointInCell, type CellMargins } from './cell-points';
import { assignResidents, assignShopGrids } from './grid-population';
import { buildLattice, cellQuad, type CellQuad, type Lattice } from './lattice';
import {
  buildLayout,
  type CommunityPlan,
  type GridPlan,
  type Layout,
  type StreetPlan,
} from './layout';
import { planNetwork, type NetworkPlan } from './network';
import type { XY } from './plane';
import { Random } from './random';
import { SCALE_CONFIGS, type ScaleConfig } from './scales';
import { buildStaffing, type Staffing } from './staffing';

/**
 * The in-memory skeleton of a demo district: lattice, admin hierarchy, grid figures, staff and
 * road plan. It is small (tens of thousands of objects at city scale); the large tables are
 * streamed from it.
 */
export interface DistrictModel {
  readonly seed: number;
  readonly nowMs: number;
  readonly config: ScaleConfig;
  readonly lattice: Lattice;
  readonly layout: Layout;
  readonly staffing: Staffing;
  readonly network: NetworkPlan;
}

/** Builds the skeleton for a seed, scale and clock. */
export function buildModel(seed: number, scale: SeedScale, now: Date): DistrictModel {
  const config = SCALE_CONFIGS[scale];
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid date');
  if (!Number.isFinite(seed)) throw new RangeError('seed must be a finite number');
  const lattice = buildLattice(config, new Random(seed, 'lattice'));
  const layout = buildLayout(config, new Random(seed, 'layout'));
  assignShopGrids(config, layout, new Random(seed, 'shops'));
  assignResidents(config, layout, new Random(seed, 'residents'));
  const staffing = buildStaffing(config, layout, new Random(seed, 'staffing'));
  const network = planNetwork(config, layout, new Random(seed, 'network'));
  return { seed, nowMs, config, lattice, layout, staffing, network };
}

/** A grid by index. */
export function gridAt(model: DistrictModel, index: number): GridPlan {
  const grid = model.layout.grids[index];
  if (grid === undefined) throw new RangeError(`no grid ${index}`);
  return grid;
}

/** The community a grid belongs to. */
export function communityOf(model: DistrictModel, grid: GridPlan): CommunityPlan {
  return model.layout.communities[grid.communityIndex] as CommunityPlan;
}

/** The street a grid or community belongs to. */
export function streetOf(model: DistrictModel, item: { streetIndex: number }): StreetPlan {
  return model.layout.streets[item.streetIndex] as StreetPlan;
}

/** The corners of a grid's cell. */
export function gridQuad(model: DistrictModel, grid: GridPlan): CellQuad {
  return cellQuad(model.lattice, grid.i, grid.j);
}

/** Clearances for a grid's cell: `metres` everywhere, and more on a side that is the river. */
export function gridMargins(model: DistrictModel, grid: GridPlan, metres: number): CellMargins {
  const { row, halfWidthM } = model.network.river;
  const riverside = Math.max(metres, halfWidthM + 10);
  return {
    north: grid.j === row ? riverside : metres,
    south: grid.j + 1 === row ? riverside : metres,
    east: metres,
    west: metres,
  };
}

/** A random point inside a grid, at least `metres` from its edges and clear of the river. */
export function samplePointInGrid(
  model: DistrictModel,
  rng: Random,
  grid: GridPlan,
  metres: number,
): XY {
  return samplePointInCell(rng, gridQuad(model, grid), gridMargins(model, grid, metres));
}

/** A GeoJSON point for a local-plane position. */
export function toPoint(model: DistrictModel, p: XY): Point {
  return { type: 'Point', coordinates: model.lattice.projection.toPosition(p) };
}

/** A rounded WGS84 position for a local-plane position. */
export function toPosition(model: DistrictModel, p: XY): Position {
  return model.lattice.projection.toPosition(p);
}
