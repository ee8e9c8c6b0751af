import type { Footprint } from './buildings';
import { bilinear, type CellSide } from './cell-points';
import { segmentsMeet } from './clearance';
import { onSideRoad, sidePoint, type CompoundFrame, type Gate, type Lane } from './compound-frame';
import { clearOfBuildings } from './compound-lanes';
import { distance, type XY } from './plane';

/**
 * Footpaths (步道): from each building, a straight path from the middle of one side of its
 * footprint to the nearest lane or lattice road in that direction. A path leaves from the north
 * or south side when it can (then the building's centroid is at most half its depth from the
 * path); from the west or east side only when neither works.
 */

/** A footpath from building `building` (index in its grid) to a lane or a road. */
export interface Footpath {
  readonly building: number;
  readonly from: XY;
  readonly to: XY;
}

/** A line a footpath can join: a lane, or one side of the cell (the lattice road along it). */
interface Line {
  readonly dir: 'ns' | 'ew';
  readonly lane?: Lane;
  readonly side?: CellSide;
}

interface Candidate {
  readonly line: Line;
  readonly t: number;
  readonly from: XY;
  readonly to: XY;
}

/** Shortest footpath allowed, in metres, and its clearance from other buildings. */
const MIN_FOOTPATH_M = 1;
const FOOTPATH_CLEARANCE_M = 1;

function linesOf(lanes: readonly Lane[]): Line[] {
  return [
    { dir: 'ew', side: 'north' },
    { dir: 'ew', side: 'south' },
    { dir: 'ns', side: 'west' },
    { dir: 'ns', side: 'east' },
    ...lanes.map((lane): Line => ({ dir: lane.dir, lane })),
  ];
}

/** The point at fraction t along a line (u for east–west lines, v for north–south ones). */
function pointOn(frame: CompoundFrame, line: Line, t: number): XY | null {
  if (line.side !== undefined) {
    const at = sidePoint(frame.quad, line.side, t);
    return onSideRoad(frame, line.side, at) ? at : null;
  }
  const lane = line.lane as Lane;
  const ts = lane.stops.map((stop) => stop.t);
  if (t <= Math.min(...ts) || t >= Math.max(...ts)) return null;
  return lane.dir === 'ns' ? bilinear(frame.quad, lane.at, t) : bilinear(frame.quad, t, lane.at);
}

/** The middle of one side of a footprint (corners SW, SE, NE, NW). */
function sideMiddle(footprint: Footprint, side: CellSide): XY {
  const [sw, , ne] = footprint.ring as [XY, XY, XY, XY];
  const { x, y } = footprint.centre;
  if (side === 'north') return { x, y: ne.y };
  if (side === 'south') return { x, y: sw.y };
  return side === 'west' ? { x: sw.x, y } : { x: ne.x, y };
}

/** How far `to` lies beyond `from` in the direction of `side`. */
function ahead(side: CellSide, from: XY, to: XY): number {
  if (side === 'north') return to.y - from.y;
  if (side === 'south') return from.y - to.y;
  return side === 'west' ? from.x - to.x : to.x - from.x;
}

function laneEnds(lane: Lane): [XY, XY] {
  const sorted = [...lane.stops].sort((a, b) => a.t - b.t);
  return [(sorted[0] as { at: XY }).at, (sorted[sorted.length - 1] as { at: XY }).at];
}

/** Footpath candidates from one side of building k, clear of other buildings and lanes. */
function candidates(frame: CompoundFrame, lines: Line[], k: number, side: CellSide): Candidate[] {
  const footprint = frame.plan.footprints[k] as Footprint;
  const from = sideMiddle(footprint, side);
  const dir = side === 'north' || side === 'south' ? 'ew' : 'ns';
  const t = dir === 'ew' ? footprint.u : footprint.v;
  const out: Candidate[] = [];
  for (const line of lines) {
    if (line.dir !== dir) continue;
    const to = pointOn(frame, line, t);
    if (to === null || ahead(side, from, to) < MIN_FOOTPATH_M) continue;
    if (!clearOfBuildings(frame, from, to, FOOTPATH_CLEARANCE_M, k)) continue;
    const crossesLane = lines.some(
      (other) => other.lane && other !== line && segmentsMeet(from, to, ...laneEnds(other.lane)),
    );
    if (!crossesLane) out.push({ line, t, from, to });
  }
  return out;
}

function shortest(list: Candidate[]): Candidate | undefined {
  return list.reduce<Candidate | undefined>(
    (best, c) => (best && distance(best.from, best.to) <= distance(c.from, c.to) ? best : c),
    undefined,
  );
}

/**
 * One footpath per building that can have one (the north or south side first), each joined to
 * its lane at a new stop or to its road at a new gate, at the very point the path ends.
 */
export function planFootpaths(frame: CompoundFrame, lanes: Lane[], gates: Gate[]): Footpath[] {
  const lines = linesOf(lanes);
  const out: Footpath[] = [];
  frame.plan.footprints.forEach((_, k) => {
    const pick =
      shortest([
        ...candidates(frame, lines, k, 'north'),
        ...candidates(frame, lines, k, 'south'),
      ]) ??
      shortest([...candidates(frame, lines, k, 'west'), ...candidates(frame, lines, k, 'east')]);
    if (!pick) return;
    if (pick.line.lane) pick.line.lane.stops.push({ t: pick.t, at: pick.to });
    else gates.push({ side: pick.line.side as CellSide, t: pick.t, at: pick.to });
    out.push({ building: k, from: pick.from, to: pick.to });
  });
  return out;
}
