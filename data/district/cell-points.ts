import type { CellQuad } from './lattice';
import { distance, leftDistance, lerp, type XY } from './plane';
import type { Random } from './random';

/**
 * Placing points inside one lattice cell. Cells are convex quadrilaterals (the jitter is small),
 * so a point is inside a cell exactly when it lies on the inner side of all four edges, and its
 * clearance from each edge is a signed distance.
 */

/** Minimum clearance, in metres, a point must keep from each edge of its cell. */
export interface CellMargins {
  readonly north: number;
  readonly south: number;
  readonly east: number;
  readonly west: number;
}

/** The same clearance on every side. */
export function uniformMargins(metres: number): CellMargins {
  return { north: metres, south: metres, east: metres, west: metres };
}

/** The point at fractions u (west→east) and v (north→south) of a cell, bilinearly. */
export function bilinear(quad: CellQuad, u: number, v: number): XY {
  const north = lerp(quad.nw, quad.ne, u);
  const south = lerp(quad.sw, quad.se, u);
  return lerp(north, south, v);
}

/** Signed clearances of a point from the four edges (positive inside). */
export function edgeClearances(quad: CellQuad, p: XY): CellMargins {
  return {
    south: leftDistance(quad.sw, quad.se, p),
    east: leftDistance(quad.se, quad.ne, p),
    north: leftDistance(quad.ne, quad.nw, p),
    west: leftDistance(quad.nw, quad.sw, p),
  };
}

/** True when the point keeps at least the given clearance from every edge. */
export function fitsInCell(quad: CellQuad, p: XY, margins: CellMargins): boolean {
  const c = edgeClearances(quad, p);
  return (
    c.north >= margins.north &&
    c.south >= margins.south &&
    c.east >= margins.east &&
    c.west >= margins.west
  );
}

/** Approximate width (west→east) and height (north→south) of a cell in metres. */
export function cellSize(quad: CellQuad): { width: number; height: number } {
  return {
    width: (distance(quad.nw, quad.ne) + distance(quad.sw, quad.se)) / 2,
    height: (distance(quad.nw, quad.sw) + distance(quad.ne, quad.se)) / 2,
  };
}

/** The cell's centre, which keeps any margin below half the cell size. */
export function cellCentre(quad: CellQuad): XY {
  return bilinear(quad, 0.5, 0.5);
}

/** A uniformly spread random point that keeps the given clearances (centre as a last resort). */
export function samplePointInCell(rng: Random, quad: CellQuad, margins: CellMargins): XY {
  const { width, height } = cellSize(quad);
  const u0 = Math.min(0.45, margins.west / width);
  const u1 = Math.max(0.55, 1 - margins.east / width);
  const v0 = Math.min(0.45, margins.north / height);
  const v1 = Math.max(0.55, 1 - margins.south / height);
  for (let attempt = 0; attempt < 12; attempt++) {
    const p = bilinear(quad, rng.float(u0, u1), rng.float(v0, v1));
    if (fitsInCell(quad, p, margins)) return p;
  }
  return cellCentre(quad);
}

/** A point near fraction (u, v) of the cell, or the centre if it would break the margins. */
export function pointInCell(quad: CellQuad, u: number, v: number, margins: CellMargins): XY {
  const p = bilinear(quad, u, v);
  return fitsInCell(quad, p, margins) ? p : cellCentre(quad);
}

/** Which side of a cell an edge is on. */
export type CellSide = keyof CellMargins;

/** The point `offsetM` metres inside the cell from fraction t along one of its edges. */
export function pointBesideEdge(quad: CellQuad, side: CellSide, t: number, offsetM: number): XY {
  const { width, height } = cellSize(quad);
  switch (side) {
    case 'north':
      return bilinear(quad, t, offsetM / height);
    case 'south':
      return bilinear(quad, t, 1 - offsetM / height);
    case 'west':
      return bilinear(quad, offsetM / width, t);
    case 'east':
      return bilinear(quad, 1 - offsetM / width, t);
  }
}
