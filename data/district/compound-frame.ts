import type { GridBuildings } from './buildings';
import type { CellSide } from './cell-points';
import { boxAround, type Box } from './clearance';
import type { CellQuad } from './lattice';
import { gridQuad, type DistrictModel } from './model';
import { lerp, type XY } from './plane';
import { bankPoints } from './river';

/**
 * What the lanes and footpaths of one grid's compound are laid out in: the cell, its slot grid,
 * its buildings, and which of its sides have a road to open gates on.
 */

/** A point where a line is cut, at fraction `t` along it. Shared points are one object. */
export interface Stop {
  readonly t: number;
  readonly at: XY;
}

/** A point where a compound road meets a side of its cell (a gate in the lattice road there). */
export interface Gate extends Stop {
  readonly side: CellSide;
}

/**
 * A lane across the compound: an `ns` lane keeps u = `at` and runs north→south (its stops'
 * `t` are v fractions); an `ew` lane keeps v = `at` and runs west→east (`t` are u fractions).
 */
export interface Lane {
  readonly dir: 'ns' | 'ew';
  readonly at: number;
  readonly stops: Stop[];
}

/** The cell of one grid, with everything the compound layout reads. */
export interface CompoundFrame {
  readonly model: DistrictModel;
  readonly plan: GridBuildings;
  readonly quad: CellQuad;
  /** Footprint boxes, by building. */
  readonly boxes: readonly Box[];
}

/** Metres a road must stay clear of a river bank's end, beyond the bank point itself. */
const BANK_SLACK_M = 1;

/** The frame of one grid's compound. */
export function compoundFrame(model: DistrictModel, plan: GridBuildings): CompoundFrame {
  const boxes = plan.footprints.map((f) => boxAround(f.ring));
  return { model, plan, quad: gridQuad(model, plan.grid), boxes };
}

/**
 * The point at fraction `t` of a side, in the direction its lattice edge runs (north and south
 * sides west→east, west and east sides north→south), so gates from both cells sort together.
 */
export function sidePoint(quad: CellQuad, side: CellSide, t: number): XY {
  switch (side) {
    case 'north':
      return lerp(quad.nw, quad.ne, t);
    case 'south':
      return lerp(quad.sw, quad.se, t);
    case 'west':
      return lerp(quad.nw, quad.sw, t);
    case 'east':
      return lerp(quad.ne, quad.se, t);
  }
}

/**
 * True when a point of a side lies on its road: never on the river side (no road runs along the
 * river), and on a side running to the river only on land, short of where its road stops.
 */
export function onSideRoad(frame: CompoundFrame, side: CellSide, at: XY): boolean {
  const { grid } = frame.plan;
  const { row } = frame.model.network.river;
  const riverNorth = grid.j === row;
  const riverSouth = grid.j + 1 === row;
  if (side === 'north') return !riverNorth;
  if (side === 'south') return !riverSouth;
  if (!riverNorth && !riverSouth) return true;
  const banks = bankPoints(frame.model, side === 'west' ? grid.i : grid.i + 1);
  return riverSouth ? at.y > banks.north.y + BANK_SLACK_M : at.y < banks.south.y - BANK_SLACK_M;
}
