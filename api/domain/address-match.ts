import { distance } from '@turf/turf';

/**
 * Placing a free-text address from the district's names, or saying plainly why it cannot be
 * placed. A name counts only where it is not part of a longer name also found in the address
 * ("海河社区第17网格" hides "海河社区"). Then:
 *
 * - a road of at most {@link ROAD_PRECISE_SPAN_M} metres end to end is a place: its middle;
 * - a longer road is a place only with a named grid or community that it passes through
 *   (a point on the road inside that area); otherwise the answer is ambiguous, with one
 *   candidate per community the road passes (per grid when it stays in one community);
 * - a grid, community or street name is a place when exactly one place has it (a street
 *   or community also named narrows same-named places); several are ambiguous;
 * - nothing known in the address: unknown.
 */

/** A road longer than this, end to end, is more than one place (metres). */
export const ROAD_PRECISE_SPAN_M = 300;

/** Area levels from the most specific. */
export const AREA_LEVELS = ['grid', 'community', 'street'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** A grid, community or street whose name the address contains. */
export interface NamedArea {
  level: AreaLevel;
  code: string;
  name: string;
  /** The area's community (itself for a community); null for a street. */
  communityCode: string | null;
  communityName: string | null;
  streetCode: string;
  /** A point inside the area. */
  lng: number;
  lat: number;
}

/** One segment of a road whose name the address contains, with the grid of its middle. */
export interface RoadSegment {
  name: string;
  /** The segment's middle. */
  lng: number;
  lat: number;
  gridCode: string;
  communityCode: string;
  communityName: string;
  streetCode: string;
  /** The segment's bounding box, `[west, south, east, north]`. */
  bbox: [number, number, number, number];
}

/** One place an ambiguous address may mean. */
export interface AddressCandidate {
  name: string;
  communityCode: string | null;
  communityName: string | null;
  gridCode: string | null;
  lng: number;
  lat: number;
}

export type AddressMatch =
  | { kind: 'placed'; lng: number; lat: number; matched: string }
  | { kind: 'ambiguous'; reason: string; candidates: AddressCandidate[] }
  | { kind: 'unknown' };

/** Metres between two WGS84 points along the great circle. */
export function distanceM(a: [number, number], b: [number, number]): number {
  return distance(a, b, { units: 'meters' });
}

/** How far a road's segments reach end to end: the diagonal of their common bounding box. */
export function roadSpanM(segments: readonly RoadSegment[]): number {
  if (segments.length === 0) return 0;
  const west = Math.min(...segments.map((s) => s.bbox[0]));
  const south = Math.min(...segments.map((s) => s.bbox[1]));
  const east = Math.max(...segments.map((s) => s.bbox[2]));
  const north = Math.max(...segments.map((s) => s.bbox[3]));
  return distanceM([west, south], [east, north]);
}

/** The middle of the segment nearest the segments' mean middle: a point on the road. */
function centralPoint(segments: readonly RoadSegment[]): [number, number] {
  const mean: [number, number] = [
    segments.reduce((sum, s) => sum + s.lng, 0) / segments.length,
    segments.reduce((sum, s) => sum + s.lat, 0) / segments.length,
  ];
  let best = segments[0]!;
  for (const s of segments) {
    if (distanceM([s.lng, s.lat], mean) < distanceM([best.lng, best.lat], mean)) best = s;
  }
  return [best.lng, best.lat];
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return [...groups.keys()].sort().map((key) => groups.get(key)!);
}

/** One candidate per community the segments pass (per grid when they stay in one community). */
function roadCandidates(segments: readonly RoadSegment[]): AddressCandidate[] {
  const byCommunity = groupBy(segments, (s) => s.communityCode);
  const groups = byCommunity.length > 1 ? byCommunity : groupBy(segments, (s) => s.gridCode);
  return groups.map((group) => {
    const [lng, lat] = centralPoint(group);
    const first = group[0]!;
    return {
      name: first.name,
      communityCode: first.communityCode,
      communityName: first.communityName,
      gridCode: byCommunity.length > 1 ? null : first.gridCode,
      lng,
      lat,
    };
  });
}

function areaCandidate(area: NamedArea): AddressCandidate {
  return {
    name: area.name,
    communityCode: area.communityCode,
    communityName: area.communityName,
    gridCode: area.level === 'grid' ? area.code : null,
    lng: area.lng,
    lat: area.lat,
  };
}

function inArea(segment: RoadSegment, area: NamedArea): boolean {
  if (area.level === 'grid') return segment.gridCode === area.code;
  if (area.level === 'community') return segment.communityCode === area.code;
  return segment.streetCode === area.code;
}

/** The most specific named areas, narrowed by the wider ones named with them. */
function targetAreas(areas: readonly NamedArea[]): NamedArea[] {
  const level = AREA_LEVELS.find((l) => areas.some((a) => a.level === l));
  if (!level) return [];
  const targets = areas.filter((a) => a.level === level);
  const wider = areas.filter((a) => a.level !== level);
  const narrowed = targets.filter((t) =>
    wider.every((w) => (w.level === 'street' ? t.streetCode : t.communityCode) === w.code),
  );
  return narrowed.length > 0 ? narrowed : targets;
}

const km = (metres: number) => `${(metres / 1000).toFixed(1)} km`;

function matchRoad(
  road: string,
  segments: readonly RoadSegment[],
  targets: readonly NamedArea[],
): AddressMatch {
  let on = segments.filter((s) => s.name === road);
  if (targets.length > 0) {
    const inside = on.filter((s) => targets.some((t) => inArea(s, t)));
    const names = targets.map((t) => t.name).join('、');
    if (inside.length === 0) {
      return {
        kind: 'ambiguous',
        reason: `${road} does not pass through ${names}`,
        candidates: roadCandidates(on),
      };
    }
    if (targets[0]!.level !== 'street') {
      const hit = targets.filter((t) => inside.some((s) => inArea(s, t)));
      if (hit.length === 1) {
        const [lng, lat] = centralPoint(inside);
        return { kind: 'placed', lng, lat, matched: `${hit[0]!.name}${road}` };
      }
      return {
        kind: 'ambiguous',
        reason: `${road} passes through ${hit.length} places named ${names}`,
        candidates: roadCandidates(inside),
      };
    }
    on = inside;
  }
  const span = roadSpanM(on);
  if (span <= ROAD_PRECISE_SPAN_M) {
    const [lng, lat] = centralPoint(on);
    return { kind: 'placed', lng, lat, matched: road };
  }
  return {
    kind: 'ambiguous',
    reason: `${road} runs ${km(span)} end to end`,
    candidates: roadCandidates(on),
  };
}

/** Where `address` is, from the areas and road segments whose names it contains. */
export function matchAddress(
  address: string,
  areas: readonly NamedArea[],
  segments: readonly RoadSegment[],
): AddressMatch {
  const names = [...new Set([...areas.map((a) => a.name), ...segments.map((s) => s.name)])];
  const counts = (name: string) =>
    name.length >= 2 &&
    address.includes(name) &&
    !names.some((other) => other !== name && other.includes(name) && address.includes(other));
  const targets = targetAreas(areas.filter((a) => counts(a.name)));
  const roads = [...new Set(segments.map((s) => s.name))].filter(counts);
  roads.sort((a, b) => b.length - a.length || address.indexOf(a) - address.indexOf(b));
  if (roads[0] !== undefined) return matchRoad(roads[0], segments, targets);
  if (targets.length === 1) {
    const [only] = targets as [NamedArea];
    return { kind: 'placed', lng: only.lng, lat: only.lat, matched: only.name };
  }
  if (targets.length > 1) {
    return {
      kind: 'ambiguous',
      reason: `the address names ${targets.length} places (${[...new Set(targets.map((t) => t.name))].join('、')})`,
      candidates: targets.map(areaCandidate),
    };
  }
  return { kind: 'unknown' };
}
