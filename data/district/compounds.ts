import type { GridKind } from '../../api/contract/codes';
import { buildingLabel, gridBuildings } from './buildings';
import {
  compoundFrame,
  type CompoundFrame,
  type Gate,
  type Lane,
  type Stop,
} from './compound-frame';
import { planFootpaths, type Footpath } from './compound-footpaths';
import { planLanes } from './compound-lanes';
import type { DistrictModel } from './model';
import type { RoadLine } from './road-line';

/**
 * The internal roads of every grid's compound (小区、村庄内部道路): lanes between the building rows
 * and columns, gated onto the lattice roads, and a footpath from each building to a lane or road.
 */

/** One compound's roads, and the gates they open on its cell's sides. */
export interface CompoundPlan {
  readonly frame: CompoundFrame;
  readonly lanes: readonly Lane[];
  readonly footpaths: readonly Footpath[];
  readonly gates: readonly Gate[];
}

/** The compounds of every grid, in grid order (the same order and draws as the buildings). */
export function* compoundPlans(model: DistrictModel): Generator<CompoundPlan> {
  for (const plan of gridBuildings(model)) {
    const frame = compoundFrame(model, plan);
    const { lanes, gates } = planLanes(frame);
    const footpaths = planFootpaths(frame, lanes, gates);
    yield { frame, lanes, footpaths, gates };
  }
}

/** Key of a lattice edge: the row edge from vertex (i, j) east, or the column edge south. */
export function edgeKey(kind: 'row' | 'column', i: number, j: number): string {
  return `${kind}:${i},${j}`;
}

function gateEdge(frame: CompoundFrame, gate: Gate): string {
  const { i, j } = frame.plan.grid;
  switch (gate.side) {
    case 'north':
      return edgeKey('row', i, j);
    case 'south':
      return edgeKey('row', i, j + 1);
    case 'west':
      return edgeKey('column', i, j);
    case 'east':
      return edgeKey('column', i + 1, j);
  }
}

/** Every compound's gates by the lattice edge they cut (`t` runs along the edge). */
export function gatesByEdge(model: DistrictModel): Map<string, Stop[]> {
  const out = new Map<string, Stop[]>();
  for (const compound of compoundPlans(model)) {
    for (const gate of compound.gates) {
      const key = gateEdge(compound.frame, gate);
      const list = out.get(key);
      if (list) list.push(gate);
      else out.set(key, [gate]);
    }
  }
  return out;
}

const LANE_SUFFIX: Record<GridKind, string> = {
  residential: '小区路',
  village: '村内路',
  shop: '内街',
};

/** The compound roads as lines: each lane through all its stops, then each footpath. */
export function* compoundLines(model: DistrictModel): Generator<RoadLine> {
  const at = model.lattice.projection.toPosition;
  for (const { frame, lanes, footpaths } of compoundPlans(model)) {
    const { grid } = frame.plan;
    const base = { class: 'path', bridge: false, streetIndex: grid.streetIndex } as const;
    for (const lane of lanes) {
      const stops = [...lane.stops].sort((a, b) => a.t - b.t);
      yield {
        ...base,
        name: `${grid.name}${LANE_SUFFIX[grid.kind]}`,
        points: stops.map((s) => at(s.at)),
      };
    }
    for (const path of footpaths) {
      const name = `${buildingLabel(grid, path.building + 1)}步道`;
      yield { ...base, name, points: [at(path.from), at(path.to)] };
    }
  }
}
