import { CIRCLE_DISTANCE_M } from '../../api/contract/life-circle';
import type { LabelPair } from './label-pair';
import type { Rgba } from './map-colours';

/**
 * Walking-distance classes of a building (network metres to the nearest facility): within the
 * 5-, 10- or 15-minute circle's distance, farther, or not reachable on the walking network at
 * all. The breaks are the circles' own distances (GB 50180-2018: 300, 500, 1,000 m).
 */
export const DISTANCE_CLASSES = [
  'within5',
  'within10',
  'within15',
  'beyond',
  'unreachable',
] as const;
export type DistanceClass = (typeof DISTANCE_CLASSES)[number];

const BREAKS: readonly [DistanceClass, number][] = [
  ['within5', CIRCLE_DISTANCE_M['5min']],
  ['within10', CIRCLE_DISTANCE_M['10min']],
  ['within15', CIRCLE_DISTANCE_M['15min']],
];

/** The class of a walking distance in metres; null (no path) is unreachable. */
export function distanceClass(distanceM: number | null): DistanceClass {
  if (distanceM === null || !Number.isFinite(distanceM)) return 'unreachable';
  for (const [name, limit] of BREAKS) if (distanceM <= limit) return name;
  return 'beyond';
}

/**
 * Colours of the classes on the light planning map: greens near, amber at the edge of the
 * 15-minute circle, red beyond it, grey for no path. Readable on paper (print) as well.
 */
export const DISTANCE_CLASS_COLOURS: Record<DistanceClass, Rgba> = {
  within5: [26, 152, 80, 235],
  within10: [120, 190, 80, 235],
  within15: [240, 170, 50, 235],
  beyond: [215, 48, 39, 235],
  unreachable: [140, 140, 140, 200],
};

/** The ring drawn around buildings whose residents are out of the chosen distance. */
export const UNCOVERED_HALO: Rgba = [220, 20, 60, 255];

/** Legend names of the classes. */
export const DISTANCE_CLASS_LABELS: Record<DistanceClass, LabelPair> = {
  within5: { zh: `≤${CIRCLE_DISTANCE_M['5min']} 米`, en: `≤${CIRCLE_DISTANCE_M['5min']} m` },
  within10: { zh: `≤${CIRCLE_DISTANCE_M['10min']} 米`, en: `≤${CIRCLE_DISTANCE_M['10min']} m` },
  within15: { zh: `≤${CIRCLE_DISTANCE_M['15min']} 米`, en: `≤${CIRCLE_DISTANCE_M['15min']} m` },
  beyond: { zh: `>${CIRCLE_DISTANCE_M['15min']} 米`, en: `>${CIRCLE_DISTANCE_M['15min']} m` },
  unreachable: { zh: '不可达', en: 'No walking path' },
};

/** The colour of a building by its walking distance. */
export function distanceColour(distanceM: number | null): Rgba {
  return DISTANCE_CLASS_COLOURS[distanceClass(distanceM)];
}

/**
 * Coverage share of a grid (0–1) as a colour: red where few residents reach the facility,
 * amber half-way, green where all do. Shares are clamped to 0–1.
 */
export function shareColour(share: number): Rgba {
  const s = Math.min(1, Math.max(0, share));
  const from: Rgba = s < 0.5 ? [215, 48, 39, 105] : [240, 170, 50, 90];
  const to: Rgba = s < 0.5 ? [240, 170, 50, 90] : [26, 152, 80, 75];
  const t = s < 0.5 ? s / 0.5 : (s - 0.5) / 0.5;
  return from.map((value, i) => Math.round(value + ((to[i] ?? value) - value) * t)) as Rgba;
}

/** Residents' demands per grid as a colour: transparent at none, deep purple at the maximum. */
export function demandColour(count: number, max: number): Rgba {
  if (count <= 0 || max <= 0) return [0, 0, 0, 0];
  const t = Math.min(1, count / max);
  return [Math.round(200 - 120 * t), Math.round(170 - 140 * t), Math.round(230 - 80 * t), 190];
}

/** Colours of the reach polygons of one facility, nearest ring darkest. */
export function isochroneColour(distanceM: number, distances: readonly number[]): Rgba {
  const sorted = [...distances].sort((a, b) => a - b);
  const index = Math.max(0, sorted.indexOf(distanceM));
  const alpha = [110, 70, 40, 28, 20][index] ?? 20;
  return [37, 99, 235, alpha];
}
