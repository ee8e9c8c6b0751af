import { CAMERA_KINDS, type CameraKind, type CameraStatus } from '../../api/contract/codes';
import { cellSize, fitsInCell, pointBesideEdge, pointInCell } from './cell-points';
import { centrality } from './grid-population';
import { gridCorners, gridSides, type GridCorner, type GridSide } from './grid-sides';
import type { GridPlan } from './layout';
import {
  gridAt,
  gridMargins,
  gridQuad,
  samplePointInGrid,
  streetOf,
  toPoint,
  type DistrictModel,
} from './model';
import { bearing, normaliseDegrees, type XY } from './plane';
import { Random } from './random';
import type { CameraRow } from './rows';
import { WeightedSampler } from './sampler';

/**
 * Cameras by kind: 天网 at crossroads and along roads (denser in the centre), e-police at
 * arterial crossroads, checkpoints on arterials towards the edge, parking cameras beside
 * streets, a spread of high-point cameras and community cameras inside residential grids.
 */

interface Placement {
  point: XY;
  heading: number;
  place: string;
}

const KIND_LABELS: Readonly<Record<CameraKind, string>> = {
  skynet: '天网',
  e_police: '电子警察',
  checkpoint: '治安卡口',
  parking: '停车',
  high_point: '高点',
  community: '社区',
};

/** GB/T 28181 industry digits by kind, so codes of different kinds never collide. */
const INDUSTRY: Readonly<Record<CameraKind, string>> = {
  skynet: '00',
  e_police: '01',
  checkpoint: '02',
  parking: '03',
  high_point: '04',
  community: '05',
};

const FOV: Readonly<Record<CameraKind, [number, number]>> = {
  skynet: [70, 110],
  e_police: [60, 80],
  checkpoint: [60, 90],
  parking: [90, 120],
  high_point: [120, 180],
  community: [80, 120],
};

const RANGE_M: Readonly<Record<CameraKind, [number, number]>> = {
  skynet: [80, 150],
  e_police: [60, 120],
  checkpoint: [60, 100],
  parking: [30, 60],
  high_point: [1000, 2500],
  community: [25, 50],
};

const STATUS_WEIGHTS: Readonly<Record<CameraStatus, number>> = { online: 90, offline: 7, fault: 3 };

/** A 20-digit GB/T 28181 device code: centre 37087100, industry, type 132 (IPC), net 0, serial. */
export function cameraCode(kind: CameraKind, serial: number): string {
  return `37087100${INDUSTRY[kind]}1320${String(serial).padStart(6, '0')}`;
}

function nearCorner(
  model: DistrictModel,
  rng: Random,
  grid: GridPlan,
  corners: GridCorner[],
): Placement {
  const quad = gridQuad(model, grid);
  const c = rng.pick(corners);
  const { width, height } = cellSize(quad);
  const du = rng.float(8, 20) / width;
  const dv = rng.float(8, 20) / height;
  const p = pointInCell(
    quad,
    c.u === 0 ? du : 1 - du,
    c.v === 0 ? dv : 1 - dv,
    gridMargins(model, grid, 3),
  );
  return {
    point: p,
    heading: normaliseDegrees(bearing(p, c.vertex) + rng.normal(0, 30)),
    place: c.place,
  };
}

function besideRoad(
  model: DistrictModel,
  rng: Random,
  grid: GridPlan,
  sides: GridSide[],
): Placement {
  const quad = gridQuad(model, grid);
  const s = rng.pick(sides);
  let p = pointBesideEdge(quad, s.side, rng.float(0.15, 0.85), rng.float(5, 12));
  if (!fitsInCell(quad, p, gridMargins(model, grid, 2)))
    p = samplePointInGrid(model, rng, grid, 10);
  const along = bearing(s.from, s.to) + (rng.chance(0.5) ? 0 : 180) + rng.normal(0, 10);
  return { point: p, heading: normaliseDegrees(along), place: s.roadName };
}

function anywhere(model: DistrictModel, rng: Random, grid: GridPlan, place: string): Placement {
  const point = samplePointInGrid(model, rng, grid, 15);
  return { point, heading: normaliseDegrees(rng.float(0, 360)), place };
}

type Placer = (rng: Random, grid: GridPlan) => Placement;

/** Grid weights and a placement rule for each kind except high-point cameras. */
function placementRules(
  model: DistrictModel,
): Record<Exclude<CameraKind, 'high_point'>, [number[], Placer]> {
  const grids = model.layout.grids;
  const roads = (g: GridPlan) => gridSides(model, g).filter((s) => !s.river);
  const arterialCorners = (g: GridPlan) =>
    gridCorners(model, g).filter((c) => c.arterial && !c.river);
  const arterialSides = (g: GridPlan) => roads(g).filter((s) => s.roadClass === 'arterial');
  const minorSides = (g: GridPlan) => roads(g).filter((s) => s.roadClass !== 'arterial');
  const crossroads = (g: GridPlan) => gridCorners(model, g).filter((c) => !c.river);
  return {
    skynet: [
      grids.map((g) => (g.population + g.shops * 10 + 60) * (0.4 + centrality(g))),
      (rng, g) =>
        rng.chance(0.6)
          ? nearCorner(model, rng, g, crossroads(g))
          : besideRoad(model, rng, g, roads(g)),
    ],
    e_police: [
      grids.map((g) => (arterialCorners(g).length > 0 ? 0.3 + centrality(g) : 0)),
      (rng, g) => nearCorner(model, rng, g, arterialCorners(g)),
    ],
    checkpoint: [
      grids.map((g) => (arterialSides(g).length > 0 ? 1.6 - centrality(g) : 0)),
      (rng, g) => besideRoad(model, rng, g, arterialSides(g)),
    ],
    parking: [
      grids.map((g) => (g.shops * 6 + g.population * 0.3 + 30) * (g.kind === 'village' ? 0.1 : 1)),
      (rng, g) => besideRoad(model, rng, g, minorSides(g).length > 0 ? minorSides(g) : roads(g)),
    ],
    community: [
      grids.map((g) => (g.kind === 'shop' ? 0 : g.households + 5)),
      (rng, g) => anywhere(model, rng, g, g.name),
    ],
  };
}

/** High-point cameras spread evenly: one per region of a coarse grid over the lattice. */
function highPointGrid(model: DistrictModel, rng: Random, k: number, count: number): GridPlan {
  const { columns, rows } = model.config;
  const across = Math.max(1, Math.ceil(Math.sqrt((count * columns) / rows)));
  const down = Math.ceil(count / across);
  const i = Math.min(
    columns - 1,
    Math.floor((((k % across) + rng.float(0.3, 0.7)) * columns) / across),
  );
  const j = Math.min(
    rows - 1,
    Math.floor(((Math.floor(k / across) + rng.float(0.3, 0.7)) * rows) / down),
  );
  return gridAt(model, model.layout.cellGrid[j * columns + i] as number);
}

function cameraRow(
  model: DistrictModel,
  rng: Random,
  kind: CameraKind,
  serial: number,
  grid: GridPlan,
  at: Placement,
): CameraRow {
  const [fov0, fov1] = FOV[kind];
  const [range0, range1] = RANGE_M[kind];
  return {
    code: cameraCode(kind, serial),
    name: `${at.place}${KIND_LABELS[kind]}${String(serial).padStart(4, '0')}`,
    kind,
    street_code: streetOf(model, grid).code,
    heading: at.heading,
    fov: rng.int(fov0, fov1),
    range_m: rng.int(range0, range1),
    status: rng.weightedKey(STATUS_WEIGHTS),
    stream_url: null,
    geom: toPoint(model, at.point),
  };
}

/** All cameras, kind by kind, with exactly the scale's count of each kind. */
export function* cameraRows(model: DistrictModel): Generator<CameraRow> {
  const rng = new Random(model.seed, 'cameras');
  const rules = placementRules(model);
  for (const kind of CAMERA_KINDS) {
    const count = model.config.cameras[kind];
    const rule = kind === 'high_point' ? null : rules[kind];
    const sampler = rule ? new WeightedSampler(rule[0]) : null;
    for (let k = 0; k < count; k++) {
      let grid: GridPlan;
      let at: Placement;
      if (rule && sampler) {
        grid = gridAt(model, sampler.sample(rng));
        at = rule[1](rng, grid);
      } else {
        grid = highPointGrid(model, rng, k, count);
        at = anywhere(model, rng, grid, `${grid.name}制高点`);
      }
      yield cameraRow(model, rng, kind, k + 1, grid, at);
    }
  }
}

/** Exact number of camera rows. */
export function countCameras(model: DistrictModel): number {
  return CAMERA_KINDS.reduce((sum, kind) => sum + model.config.cameras[kind], 0);
}
