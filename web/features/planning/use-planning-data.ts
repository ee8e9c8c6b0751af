import { keepPreviousData, useIsFetching, useIsMutating, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { CIRCLE_DISTANCE_M, LIFE_CIRCLES } from '../../../api/contract/life-circle';
import { adminAreasQuery } from '../../server-state/admin-areas';
import {
  completenessQuery,
  coverageBuildingsQuery,
  coverageQuery,
  demandsQuery,
  isochronesQuery,
  siteSuggestionsQuery,
} from '../../server-state/analysis';
import { scenarioEvaluationQuery } from '../../server-state/analysis-scenarios';
import { queryKeys } from '../../server-state/query-keys';
import { gridsQuery, servicePointsQuery } from '../../server-state/wall-queries';
import { applyDraft, type DraftFacility } from '../../domain/scenario-draft';
import { areaOptions, placeNames } from '../../domain/wall-places';
import type { PlanningSession } from './use-planning-session';

/** Residents' demands are counted over this many days. */
export const DEMAND_DAYS = 90;

/** The reach rings drawn for a facility: the three circles and the chosen distance (≤ 5). */
export function reachDistances(distance: number): number[] {
  const all = new Set([...LIFE_CIRCLES.map((c) => CIRCLE_DISTANCE_M[c]), distance]);
  return [...all].sort((a, b) => a - b).slice(0, 5);
}

/** The isochrone request for the selected facility: its code, or its point if only planned. */
function reachOf(facility: DraftFacility | undefined, distance: number) {
  if (!facility) return null;
  const distances = reachDistances(distance);
  return facility.code && facility.status === 'existing'
    ? { facility: facility.code, distances }
    : { point: [facility.lng, facility.lat] as [number, number], distances };
}

/** The scenario's evaluation, the facilities as it leaves them, and the selected one's reach. */
function useScenarioData(session: PlanningSession, nameOf: (index: number) => string) {
  const { category, distance, area, draft, selected } = session;
  const { changes } = draft;
  const points = useQuery(servicePointsQuery());
  const evaluation = useQuery({
    ...scenarioEvaluationQuery({
      ...(area ? { area } : {}),
      changes,
      focus: { category, distance },
    }),
    enabled: changes.length > 0,
    placeholderData: keepPreviousData,
  });
  const facilities = useMemo(
    () => applyDraft(points.data ?? [], changes, category, nameOf),
    [points.data, changes, category, nameOf],
  );
  const selectedFacility = facilities.find((f) => f.key === selected);
  const reachParams = reachOf(selectedFacility, distance);
  const isochrones = useQuery({
    ...isochronesQuery(reachParams ?? { distances: [] }),
    enabled: reachParams !== null,
  });
  const scenarioActive = changes.length > 0 && evaluation.data !== undefined;
  return { points, evaluation, facilities, selectedFacility, isochrones, scenarioActive };
}

/**
 * Every server answer the planner's view shows, from TanStack Query, keyed by the session's
 * choices; plus the facilities of the category as the draft leaves them.
 */
export function usePlanningData(session: PlanningSession, nameOf: (index: number) => string) {
  const { category, distance, area, circle, k, suggesting } = session;
  const reach = { category, distance, area };
  const coverage = useQuery({ ...coverageQuery(reach), placeholderData: keepPreviousData });
  const buildings = useQuery({
    ...coverageBuildingsQuery(reach),
    placeholderData: keepPreviousData,
  });
  const grids = useQuery(gridsQuery());
  const areas = useQuery(adminAreasQuery());
  const demands = useQuery(demandsQuery({ area, days: DEMAND_DAYS }));
  const completeness = useQuery({
    ...completenessQuery({ circle, by: 'community', area }),
    placeholderData: keepPreviousData,
  });
  const suggestions = useQuery({ ...siteSuggestionsQuery({ ...reach, k }), enabled: suggesting });
  const names = useMemo(() => placeNames(areas.data), [areas.data]);
  const streets = useMemo(() => areaOptions(areas.data), [areas.data]);
  const busy = useIsFetching({ queryKey: queryKeys.analysis() }) + useIsMutating() > 0;
  return {
    ...useScenarioData(session, nameOf),
    ...{ coverage, buildings, grids, demands, completeness, suggestions },
    ...{ names, streets, busy },
  };
}

/** What the planner's view shows, as {@link usePlanningData} returns it. */
export type PlanningData = ReturnType<typeof usePlanningData>;
