import { IOT_ALARM_TYPES, type IotAlarmType } from '../../api/contract/iot';
import { fitsInCell, pointBesideEdge } from './cell-points';
import { centrality } from './grid-population';
import { gridSides } from './grid-sides';
import type { GridPlan } from './layout';
import {
  communityOf,
  gridAt,
  gridMargins,
  gridQuad,
  samplePointInGrid,
  toPoint,
  type DistrictModel,
} from './model';
import type { XY } from './plane';
import { Random } from './random';
import type { IotDeviceRow } from './rows';
import { WeightedSampler } from './sampler';

/**
 * IoT devices that raise alarms (DESIGN §1): smart manhole covers along the roads (more in the
 * busy centre), falling-object monitors at residential blocks, smoke detectors and corridor
 * e-bike charging monitors in residential grids, and smart water meters, one-key call buttons
 * and health bracelets of lone elderly residents in residential and village grids.
 */

/** Devices per eligible grid, by kind; each kind has at least MIN_PER_KIND devices. */
const PER_GRID: Readonly<Record<IotAlarmType, number>> = {
  manhole_cover: 0.06,
  falling_object: 0.02,
  water_meter: 0.03,
  one_key_call: 0.03,
  health_bracelet: 0.025,
  smoke_detector: 0.04,
  ebike_charging: 0.03,
};

const MIN_PER_KIND = 6;

const LABELS: Readonly<Record<IotAlarmType, string>> = {
  manhole_cover: '智能井盖',
  falling_object: '高空抛物监测',
  water_meter: '独居老人智能水表',
  one_key_call: '一键呼叫',
  health_bracelet: '老人健康手环',
  smoke_detector: '烟感探测器',
  ebike_charging: '楼道电动车充电监测',
};

/** Where a kind goes: a weight per grid (0 = never there). */
function gridWeight(kind: IotAlarmType, grid: GridPlan): number {
  const people = grid.population;
  switch (kind) {
    case 'manhole_cover':
      return (people + grid.shops * 10 + 60) * (0.4 + centrality(grid));
    case 'falling_object':
      return grid.kind === 'residential' ? people * (0.3 + centrality(grid)) : 0;
    case 'smoke_detector':
    case 'ebike_charging':
      return grid.kind === 'residential' ? grid.households : 0;
    default:
      // Lone elderly residents: towns and villages alike, villages a little more often.
      return grid.kind === 'shop' ? 0 : people * (grid.kind === 'village' ? 1.3 : 1);
  }
}

/** Number of devices of each kind for the model (exact). */
function kindCount(model: DistrictModel, kind: IotAlarmType): number {
  const eligible = model.layout.grids.filter((g) => gridWeight(kind, g) > 0).length;
  if (eligible === 0) return 0;
  return Math.max(MIN_PER_KIND, Math.round(PER_GRID[kind] * eligible));
}

/** A manhole cover on the roadway beside one of the grid's roads. */
function onRoad(model: DistrictModel, rng: Random, grid: GridPlan): { point: XY; place: string } {
  const quad = gridQuad(model, grid);
  const sides = gridSides(model, grid).filter((s) => !s.river);
  const side = rng.pick(sides);
  let point = pointBesideEdge(quad, side.side, rng.float(0.1, 0.9), rng.float(2, 5));
  if (!fitsInCell(quad, point, gridMargins(model, grid, 1))) {
    point = samplePointInGrid(model, rng, grid, 10);
  }
  return { point, place: side.roadName };
}

function deviceRow(
  model: DistrictModel,
  rng: Random,
  kind: IotAlarmType,
  serial: number,
  grid: GridPlan,
): IotDeviceRow {
  const number = String(serial).padStart(4, '0');
  const at =
    kind === 'manhole_cover'
      ? onRoad(model, rng, grid)
      : { point: samplePointInGrid(model, rng, grid, 15), place: grid.name };
  return {
    id: `IOT-${kind}-${number}`,
    kind,
    name: `${at.place}${LABELS[kind]}${number}`,
    community_code: communityOf(model, grid).code,
    geom: toPoint(model, at.point),
  };
}

/** All IoT devices, kind by kind, ids `IOT-<kind>-0001`…. */
export function* iotDeviceRows(model: DistrictModel): Generator<IotDeviceRow> {
  const rng = new Random(model.seed, 'iot-devices');
  for (const kind of IOT_ALARM_TYPES) {
    const count = kindCount(model, kind);
    if (count === 0) continue;
    const sampler = new WeightedSampler(model.layout.grids.map((g) => gridWeight(kind, g)));
    for (let k = 0; k < count; k++) {
      yield deviceRow(model, rng, kind, k + 1, gridAt(model, sampler.sample(rng)));
    }
  }
}

/** Exact number of IoT device rows. */
export function countIotDevices(model: DistrictModel): number {
  return IOT_ALARM_TYPES.reduce((sum, kind) => sum + kindCount(model, kind), 0);
}
