import { type QueryClient, mutationOptions, queryOptions } from '@tanstack/react-query';
import { type IncidentDetail, IncidentDetailSchema } from '../../api/contract/incident-records';
import type { IncidentAction } from '../../api/contract/incidents';
import { type Nearby, NearbySchema } from '../../api/contract/nearby';
import { fetchJson, HttpError, request } from './http';
import { queryKeys } from './query-keys';

export type { IncidentAction, IncidentDetail, Nearby };

/** While the drawer is open, the incident is asked for again this often (ms). */
export const DETAIL_POLL_MS = 30_000;
/** How many cameras and how many members the drawer lists. */
export const NEARBY_LIMIT = 5;

/** The path of one incident, `/api/v1/incidents/{code}`. */
export function incidentPath(code: string): string {
  return `/api/v1/incidents/${encodeURIComponent(code)}`;
}

/** The URL of the cameras and on-duty members nearest to an incident. */
export function incidentNearbyUrl(code: string, limit = NEARBY_LIMIT): string {
  const params = new URLSearchParams({ kinds: 'camera,member', limit: String(limit) });
  return `${incidentPath(code)}/nearby?${params.toString()}`;
}

/** `GET /api/v1/incidents/{code}`: the incident with its timeline and the caller's actions. */
export async function fetchIncidentDetail(
  code: string,
  signal?: AbortSignal,
): Promise<IncidentDetail> {
  return IncidentDetailSchema.parse(await fetchJson(incidentPath(code), { signal }));
}

/** `GET /api/v1/incidents/{code}/nearby`: nearest cameras (with view cones) and members. */
export async function fetchIncidentNearby(code: string, signal?: AbortSignal): Promise<Nearby> {
  return NearbySchema.parse(await fetchJson(incidentNearbyUrl(code), { signal }));
}

/** Query options for one incident; refetched every {@link DETAIL_POLL_MS} while shown. */
export function incidentDetailQuery(code: string) {
  return queryOptions({
    queryKey: queryKeys.incident(code),
    queryFn: ({ signal }) => fetchIncidentDetail(code, signal),
    refetchInterval: DETAIL_POLL_MS,
  });
}

/** Query options for what is near an incident; members move, so it refreshes with the detail. */
export function incidentNearbyQuery(code: string) {
  return queryOptions({
    queryKey: queryKeys.incidentNearby(code),
    queryFn: ({ signal }) => fetchIncidentNearby(code, signal),
    refetchInterval: DETAIL_POLL_MS,
  });
}

/** The `If-Match` value for an incident version: the route's ETag, a quoted number. */
export function ifMatch(version: number): string {
  return `"${version}"`;
}

/**
 * `POST /api/v1/incidents/{code}/transitions` with `If-Match: "<version>"`: applies one workflow
 * action to the version the caller saw, and returns the incident as it now stands. Throws
 * {@link HttpError}: 409 when the action does not fit the current status, 412 when someone else
 * changed the incident first (both carry the server's message).
 */
export async function transitionIncident(
  code: string,
  version: number,
  action: IncidentAction,
): Promise<IncidentDetail> {
  const path = `${incidentPath(code)}/transitions`;
  const response = await request(path, {
    method: 'POST',
    json: action,
    headers: { 'If-Match': ifMatch(version) },
  });
  return IncidentDetailSchema.parse(await response.json());
}

/** True for an answer that means "the incident is not as you saw it": 409 or 412. */
export function isStaleIncidentError(error: unknown): boolean {
  return error instanceof HttpError && (error.status === 409 || error.status === 412);
}

/** What the workflow mutation is called with: the action and the version it was chosen on. */
export interface TransitionRequest {
  version: number;
  action: IncidentAction;
}

/**
 * Mutation options for the drawer's workflow buttons. The answer replaces the cached detail;
 * success and stale-version errors both refetch it, so the buttons follow the new state (the
 * live stream updates the wall's other views).
 */
export function transitionMutation(queryClient: QueryClient, code: string) {
  const refetch = () => queryClient.invalidateQueries({ queryKey: queryKeys.incident(code) });
  return mutationOptions({
    mutationKey: ['incidents', 'transition', code],
    mutationFn: ({ version, action }: TransitionRequest) =>
      transitionIncident(code, version, action),
    onSuccess: (detail: IncidentDetail) => {
      queryClient.setQueryData(queryKeys.incident(code), detail);
      return refetch();
    },
    onError: (error: unknown) => (isStaleIncidentError(error) ? refetch() : undefined),
  });
}
