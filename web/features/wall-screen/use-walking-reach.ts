import { useQuery } from '@tanstack/react-query';
import { categoryDistanceM } from '../../../api/contract/life-circle';
import { type BuildingAccess, coverageBuildingsQuery } from '../../server-state/analysis';
import { HttpError } from '../../server-state/http';
import type { WalkingReach } from '../../domain/wall-layers';
import type { WalkingReachStatus } from '../layer-panel/walking-reach-row';

/** The wall is unattended: the reach is fetched again now and then (facilities may be adopted). */
const REACH_REFRESH_MS = 10 * 60_000;

const NONE: BuildingAccess[] = [];

/** Where a query for analysis data stands, for the panel's note: refused answers say so. */
export function analysisStatus(query: {
  isFetching: boolean;
  isSuccess: boolean;
  isError: boolean;
  error: unknown;
}): WalkingReachStatus {
  if (query.isError) {
    const refused = query.error instanceof HttpError && [401, 403].includes(query.error.status);
    return refused ? 'forbidden' : 'error';
  }
  if (query.isSuccess) return 'ready';
  return query.isFetching ? 'loading' : 'idle';
}

/**
 * The wall's walking-reach layer data: the buildings with their walking distance to the chosen
 * category (at its circle's distance) in the area shown, fetched only while the layer is on.
 */
export function useWalkingReach(
  reach: WalkingReach,
  areaCode: string | null,
): { buildings: BuildingAccess[]; status: WalkingReachStatus } {
  const { category, on } = reach;
  const query = useQuery({
    ...coverageBuildingsQuery({ category, distance: categoryDistanceM(category), area: areaCode }),
    enabled: on,
    refetchInterval: REACH_REFRESH_MS,
  });
  return {
    buildings: on ? (query.data ?? NONE) : NONE,
    status: on ? analysisStatus(query) : 'idle',
  };
}
