import { queryOptions } from '@tanstack/react-query';
import { type Overview, OverviewSchema } from '../../api/contract/stats';
import { FINISHED_STATUSES } from '../../api/contract/statuses';
import { type TimeWindow, windowStart } from '../domain/wall-filter';
import { fetchJson } from './http';
import { fetchAllItems } from './ogc-items';
import { queryKeys } from './query-keys';
import {
  CAMERA_ITEMS,
  GRID_ITEMS,
  INCIDENT_ITEMS,
  MEMBER_ITEMS,
  SERVICE_POINT_ITEMS,
  type WallItemReader,
} from './wall-features';

/** The live stream keeps incidents and members current; a slow refetch heals anything missed. */
const LIVE_REFRESH_MS = 5 * 60_000;
/** Cameras change status now and then; their layer is refreshed on this period. */
const CAMERA_REFRESH_MS = 60_000;
/** The overview's figures are recomputed by the server; the stream also invalidates them. */
const OVERVIEW_REFRESH_MS = 30_000;

/** Every item of a wall layer matching `params`, each parsed with its contract schema. */
function fetchWallItems<T>(
  reader: WallItemReader<T>,
  params: Record<string, string>,
  signal: AbortSignal,
): Promise<T[]> {
  const query = { properties: reader.properties, ...params };
  return fetchAllItems(reader.collection, query, reader.read, signal);
}

/** Management grids with their polygons; they change only with a re-seed. */
export function gridsQuery() {
  return queryOptions({
    queryKey: queryKeys.wallLayer('grids'),
    queryFn: ({ signal }) => fetchWallItems(GRID_ITEMS, {}, signal),
    staleTime: Infinity,
  });
}

export function camerasQuery() {
  return queryOptions({
    queryKey: queryKeys.wallLayer('cameras'),
    queryFn: ({ signal }) => fetchWallItems(CAMERA_ITEMS, {}, signal),
    refetchInterval: CAMERA_REFRESH_MS,
  });
}

export function servicePointsQuery() {
  return queryOptions({
    queryKey: queryKeys.wallLayer('service-points'),
    queryFn: ({ signal }) => fetchWallItems(SERVICE_POINT_ITEMS, {}, signal),
    staleTime: Infinity,
  });
}

/**
 * Every member in the caller's scope, with their assigned grids and a position when they ever
 * reported one; the stream moves them between refetches.
 */
export function membersQuery() {
  return queryOptions({
    queryKey: queryKeys.wallLayer('members'),
    queryFn: ({ signal }) => fetchWallItems(MEMBER_ITEMS, {}, signal),
    refetchInterval: LIVE_REFRESH_MS,
  });
}

/**
 * Incidents reported in a time window (from its start, as the query is made, to now). The
 * stream adds new ones and patches changed ones in this cache; see `live-stream.ts`.
 */
export function incidentsQuery(window: TimeWindow) {
  return queryOptions({
    queryKey: queryKeys.wallIncidents(window),
    queryFn: ({ signal }) =>
      fetchWallItems(
        INCIDENT_ITEMS,
        { datetime: `${new Date(windowStart(window, Date.now())).toISOString()}/..` },
        signal,
      ),
    refetchInterval: LIVE_REFRESH_MS,
  });
}

/**
 * Every incident still open, whenever reported (`status NOT IN (closed, rejected, merged)`): what
 * the choropleth's open and overdue measures and the grid cards count. Kept under the incidents
 * prefix, so the stream adds new reports and patches statuses here too.
 */
export function openIncidentsQuery() {
  const finished = FINISHED_STATUSES.map((s) => `'${s}'`).join(',');
  return queryOptions({
    queryKey: queryKeys.wallIncidents('open'),
    queryFn: ({ signal }) =>
      fetchWallItems(INCIDENT_ITEMS, { filter: `status NOT IN (${finished})` }, signal),
    refetchInterval: LIVE_REFRESH_MS,
  });
}

/** `GET /api/v1/stats/overview` for the caller's scope or one area inside it. */
export function overviewQuery(areaCode: string | null) {
  return queryOptions({
    queryKey: queryKeys.overview(areaCode),
    queryFn: async ({ signal }): Promise<Overview> => {
      const query = areaCode ? `?area=${areaCode}` : '';
      return OverviewSchema.parse(await fetchJson(`/api/v1/stats/overview${query}`, { signal }));
    },
    refetchInterval: OVERVIEW_REFRESH_MS,
  });
}
