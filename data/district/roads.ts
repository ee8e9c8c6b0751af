import type { LineString, Position } from 'geojson';
import type { RoadClass } from '../../api/contract/codes';
import { vertexPosition, vertexXY } from './lattice';
import type { DistrictModel } from './model';
import { columnEdgeClass, rowEdgeClass } from './network';
import { lerp, type XY } from './plane';
import type { RoadRow, WaterAreaRow } from './rows';

/**
 * Roads along every lattice edge, split at every lattice vertex so the walking network connects
 * through shared end points. Nothing runs along the river; roads crossing it stop at its banks,
 * except at the bridge columns.
 */

/** How far from the river's edge the roads that stop at a bank end, in metres. */
const BANK_CLEARANCE_M = 8;

interface Segment {
  name: string;
  class: RoadClass;
  bridge: boolean;
  streetIndex: number;
  coordinates: Position[];
}

function streetIndexOfCell(model: DistrictModel, i: number, j: number): number {
  const { columns, rows } = model.config;
  const ci = Math.min(Math.max(i, 0), columns - 1);
  const cj = Math.min(Math.max(j, 0), rows - 1);
  return model.layout.grids[model.layout.cellGrid[cj * columns + ci] as number]?.streetIndex ?? 0;
}

/** A road's name from its line's stem: 路 for east–west lines, 街 for north–south, 巷 for alleys. */
export function roadName(stem: string, roadClass: RoadClass, horizontal: boolean): string {
  if (roadClass === 'alley') return `${stem}巷`;
  return horizontal ? `${stem}路` : `${stem}街`;
}

function* rowSegments(model: DistrictModel): Generator<Segment> {
  const { config, layout, network } = model;
  for (let j = 0; j <= config.rows; j++) {
    if (j === network.river.row) continue;
    for (let i = 0; i < config.columns; i++) {
      const roadClass = rowEdgeClass(config, layout, network, i, j);
      yield {
        name: roadName(network.rowStems[j] ?? '', roadClass, true),
        class: roadClass,
        bridge: false,
        streetIndex: streetIndexOfCell(model, i, j < config.rows ? j : j - 1),
        coordinates: [vertexPosition(model.lattice, i, j), vertexPosition(model.lattice, i + 1, j)],
      };
    }
  }
}

/** The points where column i's road meets the north and south banks of the river. */
export function bankPoints(model: DistrictModel, i: number): { north: XY; south: XY } {
  const { row, halfWidthM } = model.network.river;
  const gap = halfWidthM + BANK_CLEARANCE_M;
  const above = vertexXY(model.lattice, i, row - 1);
  const mid = vertexXY(model.lattice, i, row);
  const below = vertexXY(model.lattice, i, row + 1);
  return {
    north: lerp(mid, above, gap / (above.y - mid.y)),
    south: lerp(mid, below, gap / (mid.y - below.y)),
  };
}

function* columnSegments(model: DistrictModel): Generator<Segment> {
  const { config, layout, network, lattice } = model;
  const { row, bridgeColumns } = network.river;
  const at = (p: XY) => lattice.projection.toPosition(p);
  for (let i = 0; i <= config.columns; i++) {
    const stem = network.columnStems[i] ?? '';
    for (let j = 0; j < config.rows; j++) {
      const roadClass = columnEdgeClass(config, layout, network, i, j);
      const base = {
        name: roadName(stem, roadClass, false),
        class: roadClass,
        bridge: false,
        streetIndex: streetIndexOfCell(model, i < config.columns ? i : i - 1, j),
      };
      const from = vertexPosition(lattice, i, j);
      const to = vertexPosition(lattice, i, j + 1);
      if (j === row - 1) {
        const banks = bankPoints(model, i);
        yield { ...base, coordinates: [from, at(banks.north)] };
        if (bridgeColumns.has(i)) {
          const bridge = { ...base, name: `${stem}桥`, bridge: true };
          yield { ...bridge, coordinates: [at(banks.north), at(banks.south)] };
        }
      } else if (j === row) {
        yield { ...base, coordinates: [at(bankPoints(model, i).south), to] };
      } else {
        yield { ...base, coordinates: [from, to] };
      }
    }
  }
}

/** Exact number of road rows the district will have. */
export function countRoads(model: DistrictModel): number {
  const { columns, rows } = model.config;
  return columns * rows + (columns + 1) * rows + model.network.river.bridgeColumns.size;
}

/** All road segments, horizontal lines north→south, then vertical lines west→east. */
export function* roadRows(model: DistrictModel): Generator<RoadRow> {
  let id = 0;
  const streets = model.layout.streets;
  for (const source of [rowSegments(model), columnSegments(model)]) {
    for (const segment of source) {
      const geom: LineString = { type: 'LineString', coordinates: segment.coordinates };
      yield {
        id: ++id,
        name: segment.name,
        class: segment.class,
        bridge: segment.bridge,
        street_code: streets[segment.streetIndex]?.code ?? '',
        geom,
      };
    }
  }
}

/** The river: a strip `2 × halfWidthM` wide along its lattice row, across the whole district. */
export function* waterAreaRows(model: DistrictModel): Generator<WaterAreaRow> {
  const { row, halfWidthM, name } = model.network.river;
  const { columns } = model.config;
  const line = Array.from({ length: columns + 1 }, (_, i) => vertexXY(model.lattice, i, row));
  const south = line.map((p) => ({ x: p.x, y: p.y - halfWidthM }));
  const north = line.map((p) => ({ x: p.x, y: p.y + halfWidthM })).reverse();
  const ring = [...south, ...north, south[0] as XY].map((p) =>
    model.lattice.projection.toPosition(p),
  );
  yield { id: 1, name, kind: 'river', geom: { type: 'Polygon', coordinates: [ring] } };
}
