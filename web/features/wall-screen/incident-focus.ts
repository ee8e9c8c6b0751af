import type { IncidentPoint } from '../../domain/wall-data';
import type { MapFocus } from '../../map/use-map-focus';

/** Zoom the map flies to for an incident picked in the feed (street level, as for a search hit). */
export const INCIDENT_FOCUS_ZOOM = 16;

/**
 * Where the map goes when the operator picks an incident in the feed: its point at street
 * zoom. `at` (epoch ms) makes the key new, so picking the same incident again flies again.
 */
export function focusOfIncident(
  incident: Pick<IncidentPoint, 'code' | 'lng' | 'lat'>,
  at: number,
): MapFocus {
  return {
    key: `incident-${incident.code}-${at}`,
    center: [incident.lng, incident.lat],
    zoom: INCIDENT_FOCUS_ZOOM,
  };
}
