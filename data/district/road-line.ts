import type { Position } from 'geojson';
import type { RoadClass } from '../../api/contract/codes';

/**
 * A road line before it is cut into rows: its points in order, each a junction with another
 * line (a shared end point of the rows on both) or one of its ends.
 */
export interface RoadLine {
  readonly name: string;
  readonly class: RoadClass;
  readonly bridge: boolean;
  readonly streetIndex: number;
  readonly points: readonly Position[];
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * The line's two-point pieces between consecutive points, skipping points equal to the one
 * before (two junctions closer than the coordinate rounding), so no piece has zero length.
 */
export function piecesOf(line: RoadLine): Position[][] {
  const pieces: Position[][] = [];
  let previous = line.points[0];
  for (const point of line.points.slice(1)) {
    if (previous === undefined || samePosition(previous, point)) continue;
    pieces.push([previous, point]);
    previous = point;
  }
  return pieces;
}
