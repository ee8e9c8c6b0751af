import type { IncidentCategory, IncidentStatus, Severity } from '../../api/contract/codes';
import type { IncidentDetail } from '../../api/contract/incident-records';
import type { StreamEvent } from '../../api/contract/stream';
import type { IncidentPoint, LngLat, MemberPoint } from './wall-data';

/** Points kept per member trail: at one report per 20 s, the last ten minutes or so. */
export const TRAIL_LENGTH = 30;

/** Event types that record a missed deadline. */
const OVERDUE_TYPES = new Set(['accept_overdue', 'on_site_overdue', 'resolve_overdue']);

/** The wall screen's record of an incident, from the API's detail answer. */
export function incidentPointOf(detail: IncidentDetail): IncidentPoint {
  const [lng, lat] = detail.location.coordinates;
  return {
    code: detail.code,
    category: detail.category,
    severity: detail.severity,
    status: detail.status,
    gridCode: detail.gridCode,
    communityCode: detail.communityCode,
    streetCode: detail.streetCode,
    lng,
    lat,
    reportedAt: Date.parse(detail.reportedAt),
    acceptDeadline: Date.parse(detail.acceptDeadline),
    resolveDeadline: Date.parse(detail.resolveDeadline),
    closedAt: detail.closedAt ? Date.parse(detail.closedAt) : null,
    overdue: detail.overdue,
  };
}

/** The incident after an event of its own, from the state every incident event carries. */
export function patchIncident(incident: IncidentPoint, event: StreamEvent): IncidentPoint {
  const { payload } = event;
  const status = (payload.status as IncidentStatus | undefined) ?? incident.status;
  return {
    ...incident,
    status,
    severity: (payload.severity as Severity | undefined) ?? incident.severity,
    category: (payload.category as IncidentCategory | undefined) ?? incident.category,
    overdue: incident.overdue || OVERDUE_TYPES.has(event.type),
    closedAt: status === 'closed' ? (incident.closedAt ?? Date.parse(event.at)) : null,
  };
}

/**
 * Applies an incident event to a list: the patched list, or null when the list does not hold
 * the incident (the caller fetches it) or the event changes nothing the list shows.
 */
export function applyIncidentEvent(
  incidents: readonly IncidentPoint[],
  event: StreamEvent,
): IncidentPoint[] | null {
  const index = incidents.findIndex((i) => i.code === event.subject);
  if (index < 0) return null;
  const next = incidents.slice();
  next[index] = patchIncident(incidents[index] as IncidentPoint, event);
  return next;
}

/** Adds an incident to a list (or replaces the one with its code). */
export function upsertIncident(
  incidents: readonly IncidentPoint[],
  incident: IncidentPoint,
): IncidentPoint[] {
  const rest = incidents.filter((i) => i.code !== incident.code);
  rest.push(incident);
  return rest;
}

/** A member's position report (`position` or `duty` event), if the event is one. */
export function positionOf(
  event: StreamEvent,
): { lngLat: LngLat; onDuty: boolean; at: number } | null {
  const { lng, lat, onDuty } = event.payload;
  if (event.topic !== 'members' || typeof lng !== 'number' || typeof lat !== 'number') return null;
  return { lngLat: [lng, lat], onDuty: onDuty === true, at: Date.parse(event.at) };
}

/** Members after a position report; null when the member is not in the list. */
export function applyMemberEvent(
  members: readonly MemberPoint[],
  event: StreamEvent,
): MemberPoint[] | null {
  const position = positionOf(event);
  const index = members.findIndex((m) => m.id === event.subject);
  if (!position || index < 0) return null;
  const next = members.slice();
  const [lng, lat] = position.lngLat;
  next[index] = {
    ...(members[index] as MemberPoint),
    lng,
    lat,
    onDuty: position.onDuty,
    positionAt: position.at,
  };
  return next;
}

/** Trails after a position report: the member's last {@link TRAIL_LENGTH} points. */
export function extendTrails(
  trails: ReadonlyMap<string, LngLat[]>,
  event: StreamEvent,
): ReadonlyMap<string, LngLat[]> {
  const position = positionOf(event);
  if (!position) return trails;
  const next = new Map(trails);
  const trail = [...(trails.get(event.subject) ?? []), position.lngLat];
  next.set(event.subject, trail.slice(-TRAIL_LENGTH));
  return next;
}
