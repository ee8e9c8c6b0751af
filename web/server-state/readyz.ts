import { queryOptions } from '@tanstack/react-query';
import { ReadinessSchema, type Readiness } from '../../api/contract/health';
import { fetchJson } from './http';
import { queryKeys } from './query-keys';

export { COUNT_KEYS, type CountKey, type Counts, type Readiness } from '../../api/contract/health';

/** While the server is not ready, ask again this often (ms). */
export const NOT_READY_POLL_MS = 2_000;
/** Once ready, refresh the counts this often (ms). */
export const READY_POLL_MS = 30_000;

/** Checks a `/readyz` body against the contract; throws on anything outside it. */
export function parseReadiness(body: unknown): Readiness {
  return ReadinessSchema.parse(body);
}

/** Fetches `/readyz`; a 503 is an answer ("not yet"), not an error. */
export async function fetchReadiness(signal?: AbortSignal): Promise<Readiness> {
  return parseReadiness(await fetchJson('/readyz', { signal, acceptStatuses: [503] }));
}

/**
 * Query options for the server's readiness and headline counts.
 * Polls quickly until the server is ready (also after a failed request), slowly after.
 */
export function readyzQuery() {
  return queryOptions({
    queryKey: queryKeys.readyz(),
    queryFn: ({ signal }) => fetchReadiness(signal),
    retry: false,
    refetchInterval: (query) =>
      query.state.data?.status === 'ready' && query.state.status === 'success'
        ? READY_POLL_MS
        : NOT_READY_POLL_MS,
  });
}
