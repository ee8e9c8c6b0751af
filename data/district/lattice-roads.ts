import type { Position } from 'geojson';
import type { RoadClass } from '../../api/contract/codes';
import type { Stop } from './compound-frame';
import { edgeKey } from './compounds';
import { vertexPosition } from './lattice';
import type { DistrictModel } from './model';
import { columnEdgeClass, rowEdgeClass } from './network';
import type { XY } from './plane';
import { bankPoints } from './river';
import type { RoadLine } from './road-line';

/**
 * Roads along every lattice edge, one line per edge through the gates of the compounds on
 * either side, so the walking network connects through shared end points. Nothing runs along
 * the river; roads crossing it stop at its banks, except at the bridge columns.
 */

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

/** An edge's points: its start, the gates on it in order, its end. */
function throughGates(
  model: DistrictModel,
  from: Position,
  gates: Stop[] | undefined,
  to: Position,
) {
  const inner = [...(gates ?? [])].sort((a, b) => a.t - b.t);
  return [from, ...inner.map((gate) => model.lattice.projection.toPosition(gate.at)), to];
}

function* rowLines(model: DistrictModel, gates: Map<string, Stop[]>): Generator<RoadLine> {
  const { config, layout, network, lattice } = model;
  for (let j = 0; j <= config.rows; j++) {
    if (j === network.river.row) continue;
    for (let i = 0; i < config.columns; i++) {
      const roadClass = rowEdgeClass(config, layout, network, i, j);
      yield {
        name: roadName(network.rowStems[j] ?? '', roadClass, true),
        class: roadClass,
        bridge: false,
        streetIndex: streetIndexOfCell(model, i, j < config.rows ? j : j - 1),
        points: throughGates(
          model,
          vertexPosition(lattice, i, j),
          gates.get(edgeKey('row', i, j)),
          vertexPosition(lattice, i + 1, j),
        ),
      };
    }
  }
}

/** The parts of column i's edge j on land: all of it, or the part up to or from a bank. */
function* columnEdgeLines(
  model: DistrictModel,
  base: Omit<RoadLine, 'points'>,
  i: number,
  j: number,
  gates: Stop[] | undefined,
): Generator<RoadLine> {
  const { lattice, network } = model;
  const { row, bridgeColumns } = network.river;
  const at = (p: XY) => lattice.projection.toPosition(p);
  const from = vertexPosition(lattice, i, j);
  const to = vertexPosition(lattice, i, j + 1);
  if (j === row - 1) {
    const banks = bankPoints(model, i);
    yield { ...base, points: throughGates(model, from, gates, at(banks.north)) };
    if (bridgeColumns.has(i)) {
      const bridge = { ...base, name: `${network.columnStems[i] ?? ''}桥`, bridge: true };
      yield { ...bridge, points: [at(banks.north), at(banks.south)] };
    }
  } else if (j === row) {
    yield { ...base, points: throughGates(model, at(bankPoints(model, i).south), gates, to) };
  } else {
    yield { ...base, points: throughGates(model, from, gates, to) };
  }
}

function* columnLines(model: DistrictModel, gates: Map<string, Stop[]>): Generator<RoadLine> {
  const { config, layout, network } = model;
  for (let i = 0; i <= config.columns; i++) {
    for (let j = 0; j < config.rows; j++) {
      const roadClass = columnEdgeClass(config, layout, network, i, j);
      const base = {
        name: roadName(network.columnStems[i] ?? '', roadClass, false),
        class: roadClass,
        bridge: false,
        streetIndex: streetIndexOfCell(model, i < config.columns ? i : i - 1, j),
      };
      yield* columnEdgeLines(model, base, i, j, gates.get(edgeKey('column', i, j)));
    }
  }
}

/** Every lattice road line, horizontal lines north→south, then vertical lines west→east. */
export function* latticeLines(
  model: DistrictModel,
  gates: Map<string, Stop[]>,
): Generator<RoadLine> {
  yield* rowLines(model, gates);
  yield* columnLines(model, gates);
}
