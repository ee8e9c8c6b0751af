import type { Feature, Geometry } from 'geojson';
import { fetchJson, isRecord } from './http';

/** Items per request: the server's maximum, so a district layer takes a few requests. */
const PAGE_LIMIT = 10_000;
/** A guard against a server whose `next` links never end. */
const MAX_PAGES = 100;

/** One page of OGC API Features items: its features and the `next` link, if any. */
export function parseItemsPage(
  collection: string,
  body: unknown,
): { features: Feature<Geometry, Record<string, unknown>>[]; next?: string } {
  if (!isRecord(body) || body.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
    throw new TypeError(`${collection}: not a GeoJSON FeatureCollection`);
  }
  const links = Array.isArray(body.links) ? body.links : [];
  const next = links.find((link) => isRecord(link) && link.rel === 'next');
  const href = isRecord(next) && typeof next.href === 'string' ? next.href : undefined;
  return {
    features: body.features as Feature<Geometry, Record<string, unknown>>[],
    ...(href ? { next: href } : {}),
  };
}

/**
 * Fetches every item of an OGC API Features collection matching `params` (`properties`,
 * `datetime`, plain filters …), following `next` links, and converts each with `convert`.
 */
export async function fetchAllItems<T>(
  collection: string,
  params: Record<string, string>,
  convert: (feature: Feature<Geometry, Record<string, unknown>>) => T,
  signal?: AbortSignal,
): Promise<T[]> {
  const query = new URLSearchParams({ limit: String(PAGE_LIMIT), ...params });
  let url: string | undefined = `/ogc/collections/${collection}/items?${query.toString()}`;
  const items: T[] = [];
  for (let page = 0; url && page < MAX_PAGES; page += 1) {
    const body = await fetchJson(url, { signal, accept: 'application/geo+json' });
    const parsed = parseItemsPage(collection, body);
    for (const feature of parsed.features) items.push(convert(feature));
    url = parsed.next;
  }
  return items;
}

/** Fetches one page of items matching `params` (its own `limit`), without following links. */
export async function fetchItemsPage(
  collection: string,
  params: Record<string, string>,
  signal?: AbortSignal,
): Promise<Feature<Geometry, Record<string, unknown>>[]> {
  const query = new URLSearchParams(params);
  const body = await fetchJson(`/ogc/collections/${collection}/items?${query.toString()}`, {
    signal,
    accept: 'application/geo+json',
  });
  return parseItemsPage(collection, body).features;
}
