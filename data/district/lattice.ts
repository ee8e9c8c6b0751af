import type { Position } from 'geojson';
import { createProjection, type Projection, type XY } from './plane';
import type { Random } from './random';
import type { ScaleConfig } from './scales';

/**
 * A warped lattice: `columns × rows` cells whose corner vertices are shared by every polygon
 * that touches them. Grids, communities, streets and the district are all rings over these
 * shared vertices, so they tile exactly (no gap, no overlap) and roads meet at shared points.
 * Vertex (i, j) has i counting west→east (0…columns) and j counting north→south (0…rows).
 */
export interface Lattice {
  readonly columns: number;
  readonly rows: number;
  readonly projection: Projection;
  /** Mean cell edge length in metres. */
  readonly meanCellM: number;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly positions: readonly Position[];
}

/** A rectangle of lattice cells: columns i0…i1-1, rows j0…j1-1. */
export interface Block {
  readonly i0: number;
  readonly j0: number;
  readonly i1: number;
  readonly j1: number;
}

/** A cell's corners in the local plane. */
export interface CellQuad {
  readonly nw: XY;
  readonly ne: XY;
  readonly se: XY;
  readonly sw: XY;
}

/** Random per-vertex jitter, as a share of the local cell size (kept well below 30 %). */
const JITTER = 0.12;
/** Jitter across the district boundary, smaller so the outline stays calm. */
const EDGE_JITTER = 0.05;
/** Amplitude and wavelength (in cells) of the gentle large-scale bend of lattice lines. */
const BEND = 0.12;
const BEND_WAVELENGTH = 11;

/** Index of vertex (i, j) in the lattice arrays. */
export function vertexIndex(lattice: Lattice, i: number, j: number): number {
  return j * (lattice.columns + 1) + i;
}

/** Vertex (i, j) in the local plane. */
export function vertexXY(lattice: Lattice, i: number, j: number): XY {
  const k = vertexIndex(lattice, i, j);
  return { x: lattice.xs[k] as number, y: lattice.ys[k] as number };
}

/** Vertex (i, j) as a rounded WGS84 position (a fresh copy; equal in every ring that uses it). */
export function vertexPosition(lattice: Lattice, i: number, j: number): Position {
  const [lng = 0, lat = 0] = lattice.positions[vertexIndex(lattice, i, j)] ?? [];
  return [lng, lat];
}

/** Positions of the lattice lines along one axis: denser in the middle when warp > 0. */
function linePositions(count: number, length: number, warp: number): number[] {
  const out: number[] = [];
  for (let k = 0; k <= count; k++) {
    const u = k / count;
    out.push(length * (u + (warp * Math.sin(2 * Math.PI * u)) / (2 * Math.PI)));
  }
  return out;
}

function localSpacing(lines: readonly number[], k: number): number {
  const before = k > 0 ? (lines[k] as number) - (lines[k - 1] as number) : Infinity;
  const after = k < lines.length - 1 ? (lines[k + 1] as number) - (lines[k] as number) : Infinity;
  return Math.min(before, after);
}

/** Builds the lattice for a scale, with seeded jitter and a gentle bend of its lines. */
export function buildLattice(config: ScaleConfig, rng: Random): Lattice {
  const [west, south, east, north] = config.bbox;
  const projection = createProjection([(west + east) / 2, (south + north) / 2]);
  const width = (east - west) * projection.metresPerDegreeLng;
  const height = (north - south) * projection.metresPerDegreeLat;
  const { columns, rows } = config;
  const lineX = linePositions(columns, width, config.densityWarp).map((x) => x - width / 2);
  const lineY = linePositions(rows, height, config.densityWarp).map((y) => height / 2 - y);
  const meanCellM = (width / columns + height / rows) / 2;
  const amplitude = BEND * meanCellM;
  const wavelength = BEND_WAVELENGTH * meanCellM;
  const phaseX = rng.float(0, 2 * Math.PI);
  const phaseY = rng.float(0, 2 * Math.PI);
  const count = (columns + 1) * (rows + 1);
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  const positions: Position[] = [];
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i <= columns; i++) {
      const x0 = lineX[i] as number;
      const y0 = lineY[j] as number;
      const sx = (i === 0 || i === columns ? EDGE_JITTER : JITTER) * localSpacing(lineX, i);
      const sy = (j === 0 || j === rows ? EDGE_JITTER : JITTER) * localSpacing(lineY, j);
      const x =
        x0 + rng.float(-sx, sx) + amplitude * Math.sin((2 * Math.PI * y0) / wavelength + phaseX);
      const y =
        y0 + rng.float(-sy, sy) + amplitude * Math.sin((2 * Math.PI * x0) / wavelength + phaseY);
      const k = j * (columns + 1) + i;
      xs[k] = x;
      ys[k] = y;
      positions.push(projection.toPosition({ x, y }));
    }
  }
  return { columns, rows, projection, meanCellM, xs, ys, positions };
}

/** The four corners of cell (i, j). */
export function cellQuad(lattice: Lattice, i: number, j: number): CellQuad {
  return {
    nw: vertexXY(lattice, i, j),
    ne: vertexXY(lattice, i + 1, j),
    se: vertexXY(lattice, i + 1, j + 1),
    sw: vertexXY(lattice, i, j + 1),
  };
}

/**
 * The closed, counter-clockwise outer ring of a block, through every lattice vertex on its
 * boundary (so neighbouring rings share vertices and no T-junction gaps appear).
 */
export function blockRing(lattice: Lattice, block: Block): Position[] {
  const { i0, j0, i1, j1 } = block;
  const ring: Position[] = [];
  for (let i = i0; i < i1; i++) ring.push(vertexPosition(lattice, i, j1));
  for (let j = j1; j > j0; j--) ring.push(vertexPosition(lattice, i1, j));
  for (let i = i1; i > i0; i--) ring.push(vertexPosition(lattice, i, j0));
  for (let j = j0; j < j1; j++) ring.push(vertexPosition(lattice, i0, j));
  ring.push(vertexPosition(lattice, i0, j1));
  return ring;
}
