import { vertexXY } from './lattice';
import type { DistrictModel } from './model';
import { lerp, type XY } from './plane';
import type { WaterAreaRow } from './rows';

/**
 * The river: a strip along one lattice row. Nothing runs along it; roads crossing it stop at its
 * banks, except at the bridge columns.
 */

/** How far from the river's edge the roads that stop at a bank end, in metres. */
const BANK_CLEARANCE_M = 8;

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
