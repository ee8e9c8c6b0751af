import type { Polygon } from 'geojson';
import { bilinear, cellSize, fitsInCell, type CellMargins } from './cell-points';
import type { CellQuad } from './lattice';
import type { GridPlan } from './layout';
import { gridMargins, gridQuad, streetOf, type DistrictModel } from './model';
import { clamp, splitInteger, type XY } from './plane';
import { Random } from './random';
import type { BuildingRow } from './rows';
import type { ScaleConfig } from './scales';

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

/** Footprints for `count` buildings, row by row over a slot grid inside the inset cell. */
function footprints(
  rng: Random,
  quad: CellQuad,
  margins: CellMargins,
  count: number,
  village: boolean,
): XY[][] {
  const { width, height } = cellSize(quad);
  const u0 = margins.west / width;
  const v0 = margins.north / height;
  const innerU = Math.max(0.1, 1 - u0 - margins.east / width);
  const innerV = Math.max(0.1, 1 - v0 - margins.south / height);
  const cols = Math.max(1, Math.ceil(Math.sqrt((count * innerU * width) / (innerV * height))));
  const rows = Math.ceil(count / cols);
  const slotW = (innerU * width) / cols;
  const slotH = (innerV * height) / rows;
  const out: XY[][] = [];
  for (let k = 0; k < count; k++) {
    const u = u0 + (innerU * ((k % cols) + 0.5 + rng.float(-0.1, 0.1))) / cols;
    const v = v0 + (innerV * (Math.floor(k / cols) + 0.5 + rng.float(-0.1, 0.1))) / rows;
    const centre = bilinear(quad, u, v);
    let w = Math.min(slotW * rng.float(0.45, 0.65), village ? 25 : 70);
    let d = Math.min(slotH * rng.float(0.35, 0.5), village ? 18 : 25);
    let ring = rectangle(centre, w, d);
    for (let shrink = 0; shrink < 4 && !ring.every((p) => fitsInCell(quad, p, margins)); shrink++) {
      w *= 0.6;
      d *= 0.6;
      ring = rectangle(shrink < 3 ? centre : bilinear(quad, 0.5, 0.5), w, d);
    }
    out.push(ring);
  }
  return out;
}

function polygon(model: DistrictModel, corners: XY[]): Polygon {
  const ring = [...corners, corners[0] as XY].map((p) => model.lattice.projection.toPosition(p));
  return { type: 'Polygon', coordinates: [ring] };
}

function label(grid: GridPlan, k: number): string {
  if (grid.kind === 'village') return `${grid.name}${k}号院`;
  if (grid.kind === 'shop') return `${grid.name}${k}号商业楼`;
  return `${grid.name}${k}号楼`;
}

/** Buildings of every grid, in grid order, with ids 1…N. */
export function* buildingRows(model: DistrictModel): Generator<BuildingRow> {
  const rng = new Random(model.seed, 'buildings');
  let id = 0;
  for (const grid of model.layout.grids) {
    const count = buildingCount(model.config, grid);
    const floors = Array.from({ length: count }, () => floorsFor(model.config, rng, grid));
    const households = splitInteger(
      grid.households,
      floors.map((f) => f * rng.float(0.7, 1.3)),
    );
    const population = splitInteger(grid.population, grid.households > 0 ? households : floors);
    const quad = gridQuad(model, grid);
    const shapes = footprints(
      rng,
      quad,
      gridMargins(model, grid, BUILDING_INSET_M),
      count,
      grid.kind === 'village',
    );
    const streetCode = streetOf(model, grid).code;
    for (let k = 0; k < count; k++) {
      yield {
        id: ++id,
        name: label(grid, k + 1),
        grid_code: grid.code,
        street_code: streetCode,
        floors: floors[k] as number,
        households: households[k] as number,
        population: population[k] as number,
        geom: polygon(model, shapes[k] as XY[]),
      };
    }
  }
}
