import { queryOptions } from '@tanstack/react-query';
import type { StyleSpecification } from 'maplibre-gl';
import type { StyleListing, StyleName } from '../../api/styles/catalog';
import { fetchJson, isRecord } from '../server-state/http';
import { queryKeys } from '../server-state/query-keys';

/** The style the app's map uses: the wall-screen look, served by our API (`/styles/dark.json`). */
export const MAP_STYLE: StyleName = 'dark';

/** Checks the outer shape of a style; layers and sources are trusted to follow the spec. */
export function parseMapStyle(body: unknown): StyleSpecification {
  if (!isRecord(body) || body.version !== 8 || !Array.isArray(body.layers)) {
    throw new TypeError('map style: not a MapLibre style (version 8 with layers)');
  }
  if (!isRecord(body.sources)) throw new TypeError('map style: no sources');
  return body as unknown as StyleSpecification;
}

/** Fetches one of the server's MapLibre styles; its tile URLs are absolute, for this origin. */
export async function fetchMapStyle(
  name: StyleName,
  signal?: AbortSignal,
): Promise<StyleSpecification> {
  return parseMapStyle(await fetchJson(`/styles/${name}.json`, { signal }));
}

/**
 * Query options for a map style. It depends on the caller's role (incidents may be left out)
 * and changes only with a deployment, so it is fetched once per mounted map.
 */
export function mapStyleQuery(name: StyleName = MAP_STYLE) {
  return queryOptions({
    queryKey: queryKeys.mapStyle(name),
    queryFn: ({ signal }) => fetchMapStyle(name, signal),
    staleTime: Infinity,
  });
}

/** Every style name the server may offer (the web may not import the API's values). */
export const STYLE_NAMES = [
  'dark',
  'light',
  'tianditu',
  'custom',
] as const satisfies readonly StyleName[];

/** Checks `GET /styles`: the basemaps this server offers, with their CRS. */
export function parseStyleList(body: unknown): StyleListing[] {
  if (!isRecord(body) || !Array.isArray(body.styles)) {
    throw new TypeError('styles: not a style listing');
  }
  return body.styles.filter(
    (row): row is StyleListing =>
      isRecord(row) &&
      STYLE_NAMES.includes(row.id as StyleName) &&
      typeof row.title === 'string' &&
      (row.crs === 'wgs84' || row.crs === 'gcj02'),
  );
}

/** Query options for `GET /styles` (changes only with a deployment). */
export function styleListQuery() {
  return queryOptions({
    queryKey: queryKeys.mapStyle('*list'),
    queryFn: async ({ signal }) => parseStyleList(await fetchJson('/styles', { signal })),
    staleTime: Infinity,
  });
}
