import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type AdminAreaCollection, adminAreasQuery } from '../../server-state/admin-areas';
import { queryKeys } from '../../server-state/query-keys';
import {
  camerasQuery,
  gridsQuery,
  incidentsQuery,
  membersQuery,
  openIncidentsQuery,
  overviewQuery,
  servicePointsQuery,
} from '../../server-state/wall-queries';
import { isOpen, type LngLat, type Member } from '../../domain/wall-data';
import { type WallFilter, filterIncidents } from '../../domain/wall-filter';
import { areaOptions, inScope, placeNames } from '../../domain/wall-places';

const EMPTY_TRAILS: ReadonlyMap<string, LngLat[]> = new Map();
const EMPTY_MEMBERS: readonly Member[] = [];

/**
 * Everything the wall screen shows, from the query cache (which the live stream keeps
 * current), narrowed to the filter: layers in the chosen area, incidents passing every part of
 * the filter at `now`.
 */
export function useWallData(filter: WallFilter, now: number) {
  const areas = useQuery(adminAreasQuery());
  const grids = useQuery(gridsQuery());
  const cameras = useQuery(camerasQuery());
  const servicePoints = useQuery(servicePointsQuery());
  const members = useQuery(membersQuery());
  // Switching windows keeps the previous window's incidents on screen until the new ones come.
  const incidents = useQuery({
    ...incidentsQuery(filter.window),
    placeholderData: keepPreviousData,
  });
  const open = useQuery(openIncidentsQuery());
  const overview = useQuery(overviewQuery(filter.areaCode));
  const trails = useQuery({
    queryKey: queryKeys.memberTrails(),
    queryFn: () => EMPTY_TRAILS,
    staleTime: Infinity,
  });

  const places = useMemo(() => placeNames(areas.data), [areas.data]);
  const streets = useMemo(() => areaOptions(areas.data), [areas.data]);
  const area = filter.areaCode;
  const scoped = useMemo(
    () => ({
      grids: (grids.data ?? []).filter((g) => inScope(g, area)),
      cameras: (cameras.data ?? []).filter((c) => inScope(c, area)),
      servicePoints: (servicePoints.data ?? []).filter((s) => inScope(s, area)),
      members: (members.data ?? []).filter((m) => inScope(m, area)),
    }),
    [grids.data, cameras.data, servicePoints.data, members.data, area],
  );
  const filtered = useMemo(
    () => filterIncidents(incidents.data ?? [], filter, now),
    [incidents.data, filter, now],
  );
  const { categories } = filter;
  const openInFilter = useMemo(
    () =>
      (open.data ?? []).filter(
        (i) =>
          isOpen(i) &&
          inScope(i, area) &&
          (categories.length === 0 || categories.includes(i.category)),
      ),
    [open.data, area, categories],
  );
  return {
    ...scoped,
    /** Every member the caller may see, whatever the area filter (a grid card's staff). */
    allMembers: members.data ?? EMPTY_MEMBERS,
    allIncidents: incidents.data ?? [],
    incidents: filtered,
    /** Open incidents of any report time in the area and categories (status and window aside). */
    openIncidents: openInFilter,
    incidentsLoaded: incidents.isSuccess && !incidents.isPlaceholderData,
    trails: trails.data ?? EMPTY_TRAILS,
    overview: overview.data,
    places,
    streets,
    districtName: districtNameOf(areas.data),
    layersLoaded:
      grids.isSuccess && cameras.isSuccess && servicePoints.isSuccess && members.isSuccess,
  };
}

/** The data the wall screen shows, as `useWallData` returns it. */
export type WallData = ReturnType<typeof useWallData>;

function districtNameOf(areas: AdminAreaCollection | undefined): string {
  const district = areas?.features.find((f) => f.properties.level === 'district');
  return district?.properties.name ?? '';
}
