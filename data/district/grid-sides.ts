import type { RoadClass } from '../../api/contract/codes';
import type { CellSide } from './cell-points';
import type { GridPlan } from './layout';
import { gridQuad, type DistrictModel } from './model';
import { columnEdgeClass, rowEdgeClass } from './network';
import type { XY } from './plane';
import { roadName } from './lattice-roads';

/** The roads around a grid's cell, for placing roadside features and naming places. */

/** One side of a grid's cell and the road (or river) along it. */
export interface GridSide {
  readonly side: CellSide;
  readonly roadClass: RoadClass;
  readonly roadName: string;
  /** True when the river runs along this side (there is no road there). */
  readonly river: boolean;
  readonly from: XY;
  readonly to: XY;
}

/** One corner of a grid's cell: a crossroads unless the river is there. */
export interface GridCorner {
  readonly vertex: XY;
  /** 0 at the west corners, 1 at the east ones; v: 0 north, 1 south. */
  readonly u: 0 | 1;
  readonly v: 0 | 1;
  readonly arterial: boolean;
  readonly river: boolean;
  readonly place: string;
}

/** The four sides of a grid's cell. */
export function gridSides(model: DistrictModel, grid: GridPlan): GridSide[] {
  const { config, layout, network } = model;
  const { i, j } = grid;
  const q = gridQuad(model, grid);
  const row = (jj: number, from: XY, to: XY, side: CellSide): GridSide => {
    const roadClass = rowEdgeClass(config, layout, network, i, jj);
    const name = roadName(network.rowStems[jj] ?? '', roadClass, true);
    return { side, roadClass, roadName: name, river: jj === network.river.row, from, to };
  };
  const column = (ii: number, from: XY, to: XY, side: CellSide): GridSide => {
    const roadClass = columnEdgeClass(config, layout, network, ii, j);
    const name = roadName(network.columnStems[ii] ?? '', roadClass, false);
    return { side, roadClass, roadName: name, river: false, from, to };
  };
  return [
    row(j, q.nw, q.ne, 'north'),
    row(j + 1, q.sw, q.se, 'south'),
    column(i, q.nw, q.sw, 'west'),
    column(i + 1, q.ne, q.se, 'east'),
  ];
}

/** The four corners of a grid's cell, with the names of the crossing roads. */
export function gridCorners(model: DistrictModel, grid: GridPlan): GridCorner[] {
  const [north, south, west, east] = gridSides(model, grid) as [
    GridSide,
    GridSide,
    GridSide,
    GridSide,
  ];
  const q = gridQuad(model, grid);
  const corner = (vertex: XY, u: 0 | 1, v: 0 | 1, a: GridSide, b: GridSide): GridCorner => ({
    vertex,
    u,
    v,
    arterial: a.roadClass === 'arterial' || b.roadClass === 'arterial',
    river: a.river || b.river,
    place: `${a.roadName}与${b.roadName}交叉口`,
  });
  return [
    corner(q.nw, 0, 0, north, west),
    corner(q.ne, 1, 0, north, east),
    corner(q.se, 1, 1, south, east),
    corner(q.sw, 0, 1, south, west),
  ];
}
