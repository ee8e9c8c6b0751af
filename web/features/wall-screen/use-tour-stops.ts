import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AdminLevel } from '../../../api/contract/codes';
import { type AdminAreaFeature, adminAreasQuery } from '../../server-state/admin-areas';
import { boundsOf } from '../../domain/geometry';
import type { TourStop } from './use-kiosk-tour';

/** An admin area as a place to go: the tour's stops and the search's places. */
export interface PlaceStop extends TourStop {
  name: string;
  level: AdminLevel;
  features: AdminAreaFeature[];
}

/**
 * The district, then its streets in code order, then the communities: each with its bounds.
 * The kiosk tours the district and streets; search and the area filter use all of them.
 */
export function useTourStops(): PlaceStop[] {
  const areas = useQuery(adminAreasQuery());
  return useMemo(() => {
    const order: Record<AdminLevel, number> = { district: 0, street: 1, community: 2 };
    return (areas.data?.features ?? [])
      .map((feature) => ({
        code: feature.properties.code,
        name: feature.properties.name,
        level: feature.properties.level,
        features: [feature],
        bounds: boundsOf([feature]),
      }))
      .filter((stop): stop is PlaceStop => stop.bounds !== null)
      .sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code));
  }, [areas.data]);
}
