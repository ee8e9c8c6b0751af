import { queryOptions } from '@tanstack/react-query';
import { type DutyRoster, DutyRosterSchema } from '../../api/contract/stats';
import { fetchJson } from './http';
import { queryKeys } from './query-keys';

/** Members come on and off duty through the day; the roster is asked for again this often. */
const DUTY_REFRESH_MS = 60_000;

/** `GET /api/v1/stats/duty` for the caller's scope or one area inside it. */
export function dutyRosterQuery(areaCode: string | null) {
  return queryOptions({
    queryKey: queryKeys.dutyRoster(areaCode),
    queryFn: async ({ signal }): Promise<DutyRoster> => {
      const query = areaCode ? `?area=${areaCode}` : '';
      return DutyRosterSchema.parse(await fetchJson(`/api/v1/stats/duty${query}`, { signal }));
    },
    refetchInterval: DUTY_REFRESH_MS,
  });
}
