/**
 * Which OGC API Features items requests the bench makes: collections × limits, plain, with a
 * bbox (a quarter of the district around its centre) and with a CQL2 filter.
 */

/** One items request. */
export interface ItemsRequest {
  label: string;
  collection: string;
  /** The query parameters as the app reads them. */
  query: Record<string, string>;
  /** Whether MapServer 8.0 can answer it (its OGC API has no CQL2 filter). */
  mapServer: boolean;
}

/** A box around the district centre, about a quarter of the district. */
export const CENTRE_BBOX = '116.61,35.35,116.74,35.45';

const FILTERS: Record<string, string> = {
  cameras: "status = 'online'",
  grids: "kind = 'residential'",
};

/** The request of `collection` at `limit`, plain, with the bbox or with the filter. */
export function itemsRequest(
  collection: string,
  limit: number,
  variant: 'plain' | 'bbox' | 'filter' = 'plain',
): ItemsRequest {
  const query: Record<string, string> = { limit: String(limit) };
  if (variant === 'bbox') query.bbox = CENTRE_BBOX;
  if (variant === 'filter') query.filter = FILTERS[collection]!;
  const extra = variant === 'plain' ? '' : variant === 'bbox' ? ' bbox' : ` filter ${query.filter}`;
  return {
    label: `${collection} items limit=${limit}${extra}`,
    collection,
    query,
    mapServer: variant !== 'filter',
  };
}

/** The requests of the `features` workload: the whole matrix, or a cut of it when quick. */
export function itemsRequests(quick: boolean): ItemsRequest[] {
  if (quick) {
    return [
      itemsRequest('cameras', 100),
      itemsRequest('cameras', 1000),
      itemsRequest('cameras', 10_000),
      itemsRequest('grids', 100),
      itemsRequest('cameras', 1000, 'bbox'),
      itemsRequest('cameras', 1000, 'filter'),
    ];
  }
  return ['cameras', 'grids'].flatMap((collection) =>
    [100, 1000, 10_000].flatMap((limit) =>
      (['plain', 'bbox', 'filter'] as const).map((variant) =>
        itemsRequest(collection, limit, variant),
      ),
    ),
  );
}

/** Yiping's path of an items request. */
export function yipingItemsPath(request: ItemsRequest): string {
  return `/ogc/collections/${request.collection}/items?${new URLSearchParams(request.query)}`;
}

/** The query string MapServer gets for the same request (limit and bbox). */
export function mapServerItemsQuery(request: ItemsRequest): string {
  const { limit, bbox } = request.query;
  return new URLSearchParams({ limit: limit!, ...(bbox ? { bbox } : {}) }).toString();
}
