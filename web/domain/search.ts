import type { CameraPoint, GridArea, IncidentPoint, LngLat, ServicePoint } from './wall-data';

/** What a search hit points at. */
export type SearchHitKind = 'incident' | 'grid' | 'camera' | 'servicePoint' | 'place';

/** One thing the wall's search found. */
export interface SearchHit {
  kind: SearchHitKind;
  /** The thing's code (incident, grid, camera, service point, street or community). */
  id: string;
  /** What the list shows first: the incident code, or the name. */
  label: string;
  /** A second, language-neutral line: the code, or the incident's grid. */
  detail: string;
  /** Where to fly to; null for a street or community (the caller frames its area). */
  lngLat: LngLat | null;
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
}

/** How well a text matches: 0 exact, 1 prefix, 2 substring. */
type Rank = 0 | 1 | 2;

/** Ties of rank go to the kind an operator looks for most. */
const KIND_ORDER: readonly SearchHitKind[] = [
  'incident',
  'place',
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
 * and names, camera codes and names, service point names and street or community names
 * anywhere in the text. Exact matches come first, then prefixes, then the rest; within a rank,
 * incidents before places, grids, cameras and service points, shorter labels first. At most
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
