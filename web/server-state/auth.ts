import { hashKey, mutationOptions, type QueryClient, queryOptions } from '@tanstack/react-query';
import { type LoginRequest, type Me, MeSchema } from '../../api/contract/auth';
import { ErrorCodeSchema } from '../../api/contract/errors';
import { HttpError, request } from './http';
import { queryKeys } from './query-keys';

export type { LoginRequest, Me };

const AUTH_PATH = '/api/v1/auth';
/** Ask the server who we are at least this often (ms), so an expired session shows the log-in page. */
export const ME_POLL_MS = 60_000;

/** `GET /api/v1/auth/me`: who is signed in, or null for nobody (a 401 is an answer, not an error). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  const response = await request(`${AUTH_PATH}/me`, { signal, acceptStatuses: [401] });
  if (response.status === 401) {
    await response.body?.cancel();
    return null;
  }
  return MeSchema.parse(await response.json());
}

/**
 * How long until `me` should be asked again: the regular poll, or just after the session's
 * `expiresAt` when that comes sooner.
 */
export function msUntilSessionCheck(me: Me | null | undefined, now: number): number {
  const expiresAt = me?.expiresAt ? Date.parse(me.expiresAt) : NaN;
  if (Number.isNaN(expiresAt)) return ME_POLL_MS;
  return Math.min(ME_POLL_MS, Math.max(1_000, expiresAt - now + 1_000));
}

/** Query options for the signed-in caller; `data` is null while nobody is signed in. */
export function meQuery() {
  return queryOptions({
    queryKey: queryKeys.me(),
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: ME_POLL_MS,
    refetchInterval: (query) => msUntilSessionCheck(query.state.data, Date.now()),
  });
}

/** `POST /api/v1/auth/login`: signs in (the server sets the session cookie) and returns who. */
export async function login(body: LoginRequest): Promise<Me> {
  const response = await request(`${AUTH_PATH}/login`, { method: 'POST', json: body });
  return MeSchema.parse(await response.json());
}

/** `POST /api/v1/auth/logout`: ends the session. A 401 means it had already ended: also fine. */
export async function logout(): Promise<void> {
  const response = await request(`${AUTH_PATH}/logout`, { method: 'POST', acceptStatuses: [401] });
  await response.body?.cancel();
}

/** True for a 401 from a protected request: the session has expired or was revoked. */
export function isSessionLost(error: unknown): boolean {
  return (
    error instanceof HttpError &&
    error.status === 401 &&
    error.details.code !== ErrorCodeSchema.enum.invalid_credentials
  );
}

const ME_HASH = hashKey(queryKeys.me());

/** True for the `me` query's key. */
export function isMeQueryKey(queryKey: readonly unknown[]): boolean {
  return hashKey(queryKey) === ME_HASH;
}

/** Drops every cached answer except `me`, so nothing one caller saw shows for the next. */
export function forgetCallerData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => !isMeQueryKey(query.queryKey) });
}

/** After a protected request answered 401, asks the server again; null shows the log-in page. */
export function recheckSession(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.me() });
}

/** Mutation options for signing in: on success `me` holds the caller and the map appears. */
export function loginMutation(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['auth', 'login'],
    mutationFn: login,
    onSuccess: (me: Me) => {
      forgetCallerData(queryClient);
      queryClient.setQueryData(queryKeys.me(), me);
    },
  });
}

/** Mutation options for signing out: `me` turns null and the caller's cached data is dropped. */
export function logoutMutation(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['auth', 'logout'],
    mutationFn: logout,
    onSuccess: () => {
      queryClient.setQueryData(queryKeys.me(), null);
      forgetCallerData(queryClient);
    },
  });
}
