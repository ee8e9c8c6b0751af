import { queryOptions } from '@tanstack/react-query';
import { type GridQualityReport, GridQualityReportSchema } from '../../api/contract/quality';
import { fetchJson } from './http';
import { queryKeys } from './query-keys';

/** The check reads every grid; asked for again only this often while the layer is on. */
const GRID_QUALITY_STALE_MS = 5 * 60_000;

/** `GET /api/v1/quality/grids` (admins only): the grid topology report of the whole scope. */
export function gridQualityQuery() {
  return queryOptions({
    queryKey: queryKeys.gridQuality(),
    queryFn: async ({ signal }): Promise<GridQualityReport> =>
      GridQualityReportSchema.parse(await fetchJson('/api/v1/quality/grids', { signal })),
    staleTime: GRID_QUALITY_STALE_MS,
  });
}
