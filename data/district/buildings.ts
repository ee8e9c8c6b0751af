import type { Polygon } from 'geojson';
import { bilinear, fitsInCell, type CellMargins } from './cell-points';
import type { CellQuad } from './lattice';
import type { GridPlan } from './layout';
import { gridMargins, gridQuad, streetOf, type DistrictModel } from './model';
import { clamp, splitInteger, type XY } from './plane';
import { Random } from './random';
import type { BuildingRow } from './rows';
import type { ScaleConfig } from './scales';
import { slotLayout, type SlotLayout } from './slots';

/**
 * Buildings: rectangles laid out on a small grid of slots inside each grid's cell, inset from
 * the cell edges by more than the river's half-width, so every building lies inside exactly one
 * grid and clear of roads and water. Their households and population sum to the grid's figures.
 */

/** Clearance of buildings from their cell's edges, in metres. */
const BUILDING_INSET_M = 30;

/** Number of buildings in a grid; depends only on the grid's figures, so it can be counted. */
export function buildingCount(config: ScaleConfig, grid: GridPlan): number {
  if (grid.kind === 'shop') return clamp(2 + Math.round(grid.shops / 15), 2, 8);
  if (grid.kind === 'village') return clamp(Math.round(grid.households / 6), 1, 12);
  const perBuilding = config.denseGrids ? 60 : 24;
  return clamp(Math.round(grid.households / perBuilding), 1, 12);
}

function floorsFor(config: ScaleConfig, rng: Random, grid: GridPlan): number {
  if (grid.kind === 'village') return rng.int(1, 2);
  if (grid.kind === 'shop') return rng.int(2, 6);
  if (config.denseGrids) return rng.int(11, 26);
  return rng.chance(0.15 * (1 - grid.radius)) ? rng.int(11, 18) : rng.int(4, 7);
}

function rectangle(centre: XY, width: number, depth: number): XY[] {
  const w = width / 2;
  const d = depth / 2;
  return [
    { x: centre.x - w, y: centre.y - d },
    { x: centre.x + w, y: centre.y - d },
    { x: centre.x + w, y: centre.y + d },
    { x: centre.x - w, y: centre.y + d },
  ];
}

/**
 * A building's footprint: an axis-aligned rectangle around `centre`, which stands at fractions
 * (u, v) of its cell. Footpaths leave it from the middle of a side.
 */
export interface Footprint {
  readonly centre: XY;
  readonly u: number;
  readonly v: number;
  /** Corners south-west, south-east, north-east, north-west. */
  readonly ring: readonly XY[];
}

/** Footprints for `count` buildings, row by row over the slot grid of the inset cell. */
function footprints(
  rng: Random,
  quad: CellQuad,
  margins: CellMargins,
  slots: SlotLayout,
  count: number,
  village: boolean,
): Footprint[] {
  const { cols, rows, u0, v0, innerU, innerV, slotW, slotH } = slots;
  const out: Footprint[] = [];
  for (let k = 0; k < count; k++) {
    let u = u0 + (innerU * ((k % cols) + 0.5 + rng.float(-0.1, 0.1))) / cols;
    let v = v0 + (innerV * (Math.floor(k / cols) + 0.5 + rng.float(-0.1, 0.1))) / rows;
    let centre = bilinear(quad, u, v);
    let w = Math.min(slotW * rng.float(0.45, 0.65), village ? 25 : 70);
    let d = Math.min(slotH * rng.float(0.35, 0.5), village ? 18 : 25);
    let ring = rectangle(centre, w, d);
    for (let shrink = 0; shrink < 4 && !ring.every((p) => fitsInCell(quad, p, margins)); shrink++) {
      w *= 0.6;
      d *= 0.6;
      if (shrink === 3) [u, v, centre] = [0.5, 0.5, bilinear(quad, 0.5, 0.5)];
      ring = rectangle(centre, w, d);
    }
    out.push({ centre, u, v, ring });
  }
  return out;
}

/** The buildings of one grid: their figures, footprints and the slot grid they stand on. */
export interface GridBuildings {
  readonly grid: GridPlan;
  readonly slots: SlotLayout;
  readonly floors: readonly number[];
  readonly households: readonly number[];
  readonly population: readonly number[];
  readonly footprints: readonly Footprint[];
}

function planGridBuildings(model: DistrictModel, rng: Random, grid: GridPlan): GridBuildings {
  const count = buildingCount(model.config, grid);
  const floors = Array.from({ length: count }, () => floorsFor(model.config, rng, grid));
  const households = splitInteger(
    grid.households,
    floors.map((f) => f * rng.float(0.7, 1.3)),
  );
  const population = splitInteger(grid.population, grid.households > 0 ? households : floors);
  const quad = gridQuad(model, grid);
  const margins = gridMargins(model, grid, BUILDING_INSET_M);
  const slots = slotLayout(quad, margins, count);
  const shapes = footprints(rng, quad, margins, slots, count, grid.kind === 'village');
  return { grid, slots, floors, households, population, footprints: shapes };
}

/**
 * The buildings of every grid, in grid order. Buildings and the compound roads both read this,
 * so footpaths start at the very footprints the buildings table gets.
 */
export function* gridBuildings(model: DistrictModel): Generator<GridBuildings> {
  const rng = new Random(model.seed, 'buildings');
  for (const grid of model.layout.grids) yield planGridBuildings(model, rng, grid);
}

function polygon(model: DistrictModel, corners: readonly XY[]): Polygon {
  const ring = [...corners, corners[0] as XY].map((p) => model.lattice.projection.toPosition(p));
  return { type: 'Polygon', coordinates: [ring] };
}

/** The name of a grid's k-th building (from 1). */
export function buildingLabel(grid: GridPlan, k: number): string {
  if (grid.kind === 'village') return `${grid.name}${k}号院`;
  if (grid.kind === 'shop') return `${grid.name}${k}号商业楼`;
  return `${grid.name}${k}号楼`;
}

/** Buildings of every grid, in grid order, with ids 1…N; named 楼, 号院 or 商业楼 by grid kind. */
export function* buildingRows(model: DistrictModel): Generator<BuildingRow> {
  let id = 0;
  for (const plan of gridBuildings(model)) {
    const { grid } = plan;
    const streetCode = streetOf(model, grid).code;
    for (let k = 0; k < plan.footprints.length; k++) {
      yield {
        id: ++id,
        name: buildingLabel(grid, k + 1),
        grid_code: grid.code,
        street_code: streetCode,
        floors: plan.floors[k] as number,
        households: plan.households[k] as number,
        population: plan.population[k] as number,
        geom: polygon(model, (plan.footprints[k] as Footprint).ring),
      };
    }
  }
}
