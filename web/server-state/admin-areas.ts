import { queryOptions } from '@tanstack/react-query';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { AdminAreaProperties } from '../../api/contract/admin-areas';
import type { AdminLevel } from '../../api/contract/codes';
import { fetchJson, isRecord } from './http';
import { queryKeys } from './query-keys';

export type { AdminAreaProperties };
export type AdminAreaFeature = Feature<MultiPolygon, AdminAreaProperties>;
export type AdminAreaCollection = FeatureCollection<MultiPolygon, AdminAreaProperties>;

const PAGE_LIMIT = 1_000;
/** A guard against a server whose `next` links never end. */
const MAX_PAGES = 50;

/** The items URL of the `admin-areas` collection, optionally filtered by level. */
export function adminAreasUrl(level: AdminLevel | 'all'): string {
  const params = new URLSearchParams({ limit: String(PAGE_LIMIT) });
  if (level !== 'all') params.set('level', level);
  return `/ogc/collections/admin-areas/items?${params.toString()}`;
}

/** Checks the outer shape of an items page; features are trusted to follow the contract. */
export function parseAdminAreaPage(body: unknown): { features: AdminAreaFeature[]; next?: string } {
  if (!isRecord(body) || body.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
    throw new TypeError('admin-areas: not a GeoJSON FeatureCollection');
  }
  const links = Array.isArray(body.links) ? body.links : [];
  const next = links.find((link) => isRecord(link) && link.rel === 'next');
  const href = isRecord(next) && typeof next.href === 'string' ? next.href : undefined;
  return { features: body.features as AdminAreaFeature[], ...(href ? { next: href } : {}) };
}

/** Fetches every admin area of a level, following OGC `next` links. */
export async function fetchAdminAreas(
  level: AdminLevel | 'all',
  signal?: AbortSignal,
): Promise<AdminAreaCollection> {
  const features: AdminAreaFeature[] = [];
  let url: string | undefined = adminAreasUrl(level);
  for (let page = 0; url && page < MAX_PAGES; page += 1) {
    const body = await fetchJson(url, { signal, accept: 'application/geo+json' });
    const parsed = parseAdminAreaPage(body);
    features.push(...parsed.features);
    url = parsed.next;
  }
  return { type: 'FeatureCollection', features };
}

/** Query options for the admin areas (district, streets, communities); they rarely change. */
export function adminAreasQuery(level: AdminLevel | 'all' = 'all') {
  return queryOptions({
    queryKey: queryKeys.adminAreas(level),
    queryFn: ({ signal }) => fetchAdminAreas(level, signal),
    staleTime: Infinity,
  });
}
