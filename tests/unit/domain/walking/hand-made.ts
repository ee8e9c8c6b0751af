import { type Attachments, attachPoints } from '../../../../api/domain/walking/attach';
import { buildNetwork, type WalkingNetwork } from '../../../../api/domain/walking/network';
import { localProjection, toLngLat } from '../../../../api/domain/walking/projection';

/**
 * Small hand-made networks for the walking tests, drawn in metres on a local plane around a
 * point of the demo district and turned into lng/lat road lines as the database would give.
 */
export const PLANE = localProjection(116.6, 35.4);

/** A road through points given in metres. */
export const road = (...points: [number, number][]) =>
  points.map(([x, y]) => toLngLat(PLANE, x, y));

/** The network of the given roads, on the test plane. */
export const networkOf = (...roads: [number, number][][]): WalkingNetwork =>
  buildNetwork(
    roads.map((points) => road(...points)),
    PLANE,
  );

/** Points (in metres) attached to the network. */
export const attach = (network: WalkingNetwork, ...points: [number, number][]): Attachments =>
  attachPoints(
    network,
    points.map((p) => p[0]),
    points.map((p) => p[1]),
  );

/**
 * A river between y = 0 and y = 200 with one bridge at x = 500: a south bank road and a north
 * bank road from x = 0 to 1,000, each split at the bridge, and the bridge.
 */
export function riverWithOneBridge(): WalkingNetwork {
  return networkOf(
    [
      [0, 0],
      [500, 0],
    ],
    [
      [500, 0],
      [1000, 0],
    ],
    [
      [0, 200],
      [500, 200],
    ],
    [
      [500, 200],
      [1000, 200],
    ],
    [
      [500, 0],
      [500, 200],
    ],
  );
}
