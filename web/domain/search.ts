import type { Bounds } from './geometry';
import type { CameraPoint, GridArea, IncidentPoint, LngLat, ServicePoint } from './wall-data';

/** What a search hit points at. */
export type SearchHitKind = 'incident' | 'grid' | 'camera' | 'servicePoint' | 'place' | 'road';

/** One thing the wall's search found. */
export interface SearchHit {
  kind: SearchHitKind;
  /** The thing's code (incident, grid, camera, service point, street or community), a road's name. */
  id: string;
  /** What the list shows first: the incident code, or the name. */
  label: string;
  /** A second, language-neutral line: the code, the incident's grid, a road's streets. */
  detail: string;
  /** Where to fly to; null for a street, community or road (framed by their box). */
  lngLat: LngLat | null;
  /** The box to fit the map to: a road's segments. */
  bounds?: Bounds;
}

/** A street or community the search knows by name. */
export interface SearchPlace {
  code: string;
  name: string;
  level: 'street' | 'community';
}

/** Everything the wall's search looks through: what the wall has already loaded. */
export interface SearchIndex {
  incidents: readonly IncidentPoint[];
  grids: readonly GridArea[];
  cameras: readonly CameraPoint[];
  servicePoints: readonly ServicePoint[];
  places: readonly SearchPlace[];
  /** Roads whose name holds the query, as the server found them (see {@link summariseRoads}). */
  roads?: readonly SearchRoad[];
}

/** A road: every segment of the roads collection with one name, inside the caller's streets. */
export interface SearchRoad {
  name: string;
  /** The box around all its segments. */
  bounds: Bounds;
  /** Names of the streets it runs through, in code order. */
  streets: string[];
}

/** One segment of a road, as the roads collection serves it. */
export interface RoadSegment {
  name: string;
  streetCode: string;
  coordinates: readonly LngLat[];
}

/**
 * Roads from their segments: one per name, its box around every segment whose street is in
 * `streetNames` (the caller's streets: code → name); segments of other streets are left out.
 */
export function summariseRoads(
  segments: readonly RoadSegment[],
  streetNames: ReadonlyMap<string, string>,
): SearchRoad[] {
  const roads = new Map<string, { box: number[]; streets: Set<string> }>();
  for (const segment of segments) {
    if (!streetNames.has(segment.streetCode) || segment.coordinates.length === 0) continue;
    const road = roads.get(segment.name) ?? {
      box: [Infinity, Infinity, -Infinity, -Infinity],
      streets: new Set<string>(),
    };
    for (const [lng, lat] of segment.coordinates) {
      road.box = [
        Math.min(road.box[0]!, lng),
        Math.min(road.box[1]!, lat),
        Math.max(road.box[2]!, lng),
        Math.max(road.box[3]!, lat),
      ];
    }
    road.streets.add(segment.streetCode);
    roads.set(segment.name, road);
  }
  return [...roads].map(([name, { box, streets }]) => ({
    name,
    bounds: [
      [box[0]!, box[1]!],
      [box[2]!, box[3]!],
    ],
    streets: [...streets].sort().map((code) => streetNames.get(code) ?? code),
  }));
}

/** How well a text matches: 0 exact, 1 prefix, 2 substring. */
type Rank = 0 | 1 | 2;

/** Ties of rank go to the kind an operator looks for most. */
const KIND_ORDER: readonly SearchHitKind[] = [
  'incident',
  'place',
  'road',
  'grid',
  'camera',
  'servicePoint',
];

function rankText(text: string, query: string, prefixOnly = false): Rank | null {
  const lower = text.toLowerCase();
  if (lower === query) return 0;
  if (lower.startsWith(query)) return 1;
  return !prefixOnly && lower.includes(query) ? 2 : null;
}

function bestRank(texts: readonly string[], query: string): Rank | null {
  const ranks = texts.flatMap((text) => rankText(text, query) ?? []);
  return ranks.length === 0 ? null : (Math.min(...ranks) as Rank);
}

interface Scored {
  hit: SearchHit;
  rank: Rank;
}

function scoreAll(index: SearchIndex, q: string): Scored[] {
  const scored: Scored[] = [];
  const add = (rank: Rank | null, hit: SearchHit) => {
    if (rank !== null) scored.push({ hit, rank });
  };
  for (const i of index.incidents) {
    const hit = { kind: 'incident', id: i.code, label: i.code, detail: i.gridCode } as const;
    add(rankText(i.code, q, true), { ...hit, lngLat: [i.lng, i.lat] });
  }
  for (const g of index.grids) {
    const hit = { kind: 'grid', id: g.code, label: g.name, detail: g.code } as const;
    add(bestRank([g.code, g.name], q), { ...hit, lngLat: g.labelAt });
  }
  for (const c of index.cameras) {
    const hit = { kind: 'camera', id: c.code, label: c.name, detail: c.code } as const;
    add(bestRank([c.code, c.name], q), { ...hit, lngLat: [c.lng, c.lat] });
  }
  for (const s of index.servicePoints) {
    const hit = { kind: 'servicePoint', id: s.code, label: s.name, detail: s.code } as const;
    add(rankText(s.name, q), { ...hit, lngLat: [s.lng, s.lat] });
  }
  for (const p of index.places) {
    add(rankText(p.name, q), {
      kind: 'place',
      id: p.code,
      label: p.name,
      detail: p.code,
      lngLat: null,
    });
  }
  for (const r of index.roads ?? []) {
    add(rankText(r.name, q), {
      kind: 'road',
      id: r.name,
      label: r.name,
      detail: r.streets.join('、'),
      lngLat: null,
      bounds: r.bounds,
    });
  }
  return scored;
}

function compareScored(a: Scored, b: Scored): number {
  return (
    a.rank - b.rank ||
    KIND_ORDER.indexOf(a.hit.kind) - KIND_ORDER.indexOf(b.hit.kind) ||
    a.hit.label.length - b.hit.label.length ||
    a.hit.label.localeCompare(b.hit.label, 'zh')
  );
}

/**
 * Searches what the wall has loaded, case-insensitively: incident codes by prefix; grid codes
 * and names, camera codes and names, service point names, street or community names and road
 * names anywhere in the text. Exact matches come first, then prefixes, then the rest; within a
 * rank, incidents before places, roads, grids, cameras and service points, shorter labels
 * first. At most
 * `limit` hits; none for a blank query.
 */
export function searchWall(query: string, index: SearchIndex, limit = 8): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  return scoreAll(index, q)
    .sort(compareScored)
    .slice(0, limit)
    .map((scored) => scored.hit);
}
