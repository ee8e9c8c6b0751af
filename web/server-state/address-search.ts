import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SearchHit } from '../domain/search';
import { fetchItemsPage } from './ogc-items';
import { queryKeys } from './query-keys';

/** Addresses are searched on the server only from this many characters on. */
export const ADDRESS_MIN_LENGTH = 2;
const ADDRESS_LIMIT = 5;

/**
 * A CQL2 filter matching features whose `property` contains `text`: the text's quotes doubled
 * (CQL2 string literals) and its `%`, `_` and `\` escaped (LIKE wildcards).
 */
export function containsFilter(property: string, text: string): string {
  const literal = text.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/'/g, "''");
  return `${property} LIKE '%${literal}%'`;
}

/** A CQL2 filter matching incidents whose address contains `text`. */
export function addressFilter(text: string): string {
  return containsFilter('address', text);
}

/**
 * Incidents whose address contains the text, as search hits (`GET /ogc/collections/incidents/
 * items?filter=address LIKE …`): the wall holds no addresses, the server has them all.
 */
export function addressSearchQuery(text: string) {
  const trimmed = text.trim();
  return queryOptions({
    queryKey: queryKeys.addressSearch(trimmed),
    queryFn: async ({ signal }): Promise<SearchHit[]> => {
      const features = await fetchItemsPage(
        'incidents',
        {
          filter: addressFilter(trimmed),
          limit: String(ADDRESS_LIMIT),
          properties: 'code,address',
        },
        signal,
      );
      return features.map((f) => ({
        kind: 'incident',
        id: String(f.properties.code),
        label: String(f.properties.code),
        detail: String(f.properties.address),
        lngLat:
          f.geometry?.type === 'Point'
            ? [f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0]
            : null,
      }));
    },
    enabled: trimmed.length >= ADDRESS_MIN_LENGTH,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
