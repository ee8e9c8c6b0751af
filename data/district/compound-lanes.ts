import { bilinear } from './cell-points';
import { growBox, segmentHitsBox } from './clearance';
import {
  onSideRoad,
  sidePoint,
  type CompoundFrame,
  type Gate,
  type Lane,
  type Stop,
} from './compound-frame';
import type { XY } from './plane';
import { columnLineU, rowLineV } from './slots';

/**
 * The lanes of a compound (小区内部道路): one along every boundary between two slot rows, from the
 * cell's west road to its east road, and one along every boundary between two slot columns, from
 * its north road to its south road. They pass between the buildings and open gates on the
 * lattice roads. No lane opens onto the river: a north–south lane ends at the last east–west
 * lane before it.
 */

/** Metres a lane keeps from every building. */
const LANE_CLEARANCE_M = 3;

/** True when the segment a–b keeps `pad` metres from every building of the compound. */
export function clearOfBuildings(
  frame: CompoundFrame,
  a: XY,
  b: XY,
  pad: number,
  except = -1,
): boolean {
  return frame.boxes.every((box, k) => k === except || !segmentHitsBox(a, b, growBox(box, pad)));
}

function eastWestLanes(frame: CompoundFrame, gates: Gate[]): Lane[] {
  const { slots } = frame.plan;
  const lanes: Lane[] = [];
  for (let r = 1; r < slots.rows; r++) {
    const v = rowLineV(slots, r);
    const west = sidePoint(frame.quad, 'west', v);
    const east = sidePoint(frame.quad, 'east', v);
    if (!onSideRoad(frame, 'west', west) || !onSideRoad(frame, 'east', east)) continue;
    if (!clearOfBuildings(frame, west, east, LANE_CLEARANCE_M)) continue;
    gates.push({ side: 'west', t: v, at: west }, { side: 'east', t: v, at: east });
    lanes.push({
      dir: 'ew',
      at: v,
      stops: [
        { t: 0, at: west },
        { t: 1, at: east },
      ],
    });
  }
  return lanes;
}

/** The north–south lane at u, crossing every east–west lane, or null when it cannot be laid. */
function northSouthLane(frame: CompoundFrame, u: number, ew: Lane[], gates: Gate[]): Lane | null {
  const crossings = ew.map((lane) => ({ lane, at: bilinear(frame.quad, u, lane.at) }));
  const north = sidePoint(frame.quad, 'north', u);
  const south = sidePoint(frame.quad, 'south', u);
  const northGate = onSideRoad(frame, 'north', north);
  const southGate = onSideRoad(frame, 'south', south);
  const first = northGate ? north : crossings[0]?.at;
  const last = southGate ? south : crossings[crossings.length - 1]?.at;
  if (first === undefined || last === undefined) return null;
  if (!clearOfBuildings(frame, first, last, LANE_CLEARANCE_M)) return null;
  const stops: Stop[] = [];
  if (northGate) {
    stops.push({ t: 0, at: north });
    gates.push({ side: 'north', t: u, at: north });
  }
  if (southGate) {
    stops.push({ t: 1, at: south });
    gates.push({ side: 'south', t: u, at: south });
  }
  for (const crossing of crossings) {
    stops.push({ t: crossing.lane.at, at: crossing.at });
    crossing.lane.stops.push({ t: u, at: crossing.at });
  }
  return { dir: 'ns', at: u, stops };
}

/**
 * The lanes of one compound, and the gates they open on the cell's sides. A lane that would
 * pass within a few metres of a building is left out (it only happens around a building the
 * slot grid could not hold, which stands in the middle of the cell).
 */
export function planLanes(frame: CompoundFrame): { lanes: Lane[]; gates: Gate[] } {
  const gates: Gate[] = [];
  const ew = eastWestLanes(frame, gates);
  const ns: Lane[] = [];
  for (let c = 1; c < frame.plan.slots.cols; c++) {
    const lane = northSouthLane(frame, columnLineU(frame.plan.slots, c), ew, gates);
    if (lane) ns.push(lane);
  }
  return { lanes: [...ew, ...ns], gates };
}
