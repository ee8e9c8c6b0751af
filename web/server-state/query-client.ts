import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { forgetCallerData, isMeQueryKey, isSessionLost, recheckSession } from './auth';
import { HttpError } from './http';

const MAX_RETRIES = 3;

/** Network failures and server errors are worth retrying; a 4xx answer will not change. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!(error instanceof HttpError)) return true;
  return error.status >= 500 || error.status === 408 || error.status === 429;
}

/**
 * The app's QueryClient. Wall screens sit unattended, so window focus triggers nothing;
 * each query states its own polling. A 401 from any query or mutation means the session has
 * ended: `me` is asked again, and when it turns null the log-in page shows and everything the
 * caller had fetched is dropped.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isSessionLost(error)) void recheckSession(queryClient);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError,
      onSuccess: (data, query) => {
        if (data === null && isMeQueryKey(query.queryKey)) forgetCallerData(queryClient);
      },
    }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 10_000),
      },
    },
  });
  return queryClient;
}
