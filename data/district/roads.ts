import type { LineString } from 'geojson';
import { compoundLines, gatesByEdge } from './compounds';
import { latticeLines } from './lattice-roads';
import type { DistrictModel } from './model';
import { piecesOf, type RoadLine } from './road-line';
import type { RoadRow } from './rows';

/**
 * The road network: lattice roads along every lattice edge (arterial, street, alley, and the
 * bridges), then the compounds' lanes and footpaths (class `path`). Every row is a two-point
 * segment between junctions, so the network connects only through shared end points, which are
 * computed once and written identically on every row that meets there.
 */

function* roadLines(model: DistrictModel): Generator<RoadLine> {
  yield* latticeLines(model, gatesByEdge(model));
  yield* compoundLines(model);
}

/**
 * Exact number of road rows the district will have. The cuts depend on where compounds put
 * their gates, so this lays the network out without writing it (a fraction of a second).
 */
export function countRoads(model: DistrictModel): number {
  let count = 0;
  for (const line of roadLines(model)) count += piecesOf(line).length;
  return count;
}

/** All road segments with ids 1…N: lattice roads first (so full tiles keep them), then paths. */
export function* roadRows(model: DistrictModel): Generator<RoadRow> {
  let id = 0;
  const streets = model.layout.streets;
  for (const line of roadLines(model)) {
    const street_code = streets[line.streetIndex]?.code ?? '';
    for (const coordinates of piecesOf(line)) {
      const geom: LineString = { type: 'LineString', coordinates };
      yield {
        id: ++id,
        name: line.name,
        class: line.class,
        bridge: line.bridge,
        street_code,
        geom,
      };
    }
  }
}
