import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { RoadSegment } from '../domain/search';
import type { LngLat } from '../domain/wall-data';
import { ADDRESS_MIN_LENGTH, containsFilter } from './address-search';
import { fetchAllItems } from './ogc-items';
import { queryKeys } from './query-keys';

/** The segments' coordinates; a road is a LineString, anything else has none. */
function lineOf(geometry: { type: string; coordinates?: unknown } | null): LngLat[] {
  return geometry?.type === 'LineString' ? (geometry.coordinates as LngLat[]) : [];
}

/**
 * Road segments whose name contains the text (`GET /ogc/collections/roads/items?filter=name
 * LIKE …`, every page): a road is many segments, and all of them are needed to frame it.
 * Asked from as many characters as addresses are.
 */
export function roadSearchQuery(text: string) {
  const trimmed = text.trim();
  return queryOptions({
    queryKey: queryKeys.roadSearch(trimmed),
    queryFn: ({ signal }): Promise<RoadSegment[]> =>
      fetchAllItems(
        'roads',
        { filter: containsFilter('name', trimmed), properties: 'name,street_code' },
        (f) => ({
          name: String(f.properties.name),
          streetCode: String(f.properties.street_code),
          coordinates: lineOf(f.geometry),
        }),
        signal,
      ),
    enabled: trimmed.length >= ADDRESS_MIN_LENGTH,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}
