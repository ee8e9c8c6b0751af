import { useQuery } from '@tanstack/react-query';
import { completenessQuery } from '../../server-state/analysis';
import { HttpError } from '../../server-state/http';

/** Facilities change rarely (an adopted scenario); the unattended wall asks again at this pace. */
const LIFE_CIRCLE_REFRESH_MS = 10 * 60_000;

/** The wall's "15 分钟生活圈覆盖率": its share, or hidden where the caller may not see it. */
export interface LifeCircleFigure {
  /** 0–1; undefined while loading or after a failure worth retrying. */
  share?: number;
  /** The server refused (403) or has no analysis API (404): the tile is left out. */
  hidden: boolean;
}

/** True for answers that will not change by asking again: not permitted, or no such API. */
export function isRefused(error: unknown): boolean {
  return error instanceof HttpError && [403, 404].includes(error.status);
}

/**
 * The share of residents in the area shown who reach every basic category of their own circle
 * (`GET /api/v1/analysis/completeness?circle=all`).
 */
export function useLifeCircleFigure(areaCode: string | null): LifeCircleFigure {
  const query = useQuery({
    ...completenessQuery({ circle: 'all', by: 'community', area: areaCode }),
    refetchInterval: (q) => (isRefused(q.state.error) ? false : LIFE_CIRCLE_REFRESH_MS),
  });
  if (query.isError && isRefused(query.error)) return { hidden: true };
  return query.data ? { share: query.data.share, hidden: false } : { hidden: false };
}
