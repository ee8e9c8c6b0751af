import { mutationOptions, type QueryClient, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type Scenario,
  type ScenarioRequest,
  ScenarioSchema,
  type ScenarioSummary,
  ScenarioSummarySchema,
} from '../../api/contract/analysis';
import { ANALYSIS_PATH } from './analysis';
import { fetchJson, request } from './http';
import { queryKeys } from './query-keys';

export type { Scenario, ScenarioRequest, ScenarioSummary };

const SCENARIOS_PATH = `${ANALYSIS_PATH}/scenarios`;
const ScenarioListSchema = z.object({ scenarios: z.array(ScenarioSummarySchema) });

/** `POST /analysis/scenarios`: evaluates (and with `save`, stores) a set of changes. */
export async function postScenario(body: ScenarioRequest, signal?: AbortSignal): Promise<Scenario> {
  const response = await request(SCENARIOS_PATH, { method: 'POST', json: body, signal });
  return ScenarioSchema.parse(await response.json());
}

/**
 * The evaluation of unsaved changes (`save: false`): nothing is stored and the real facilities
 * are untouched, so it is a query keyed by the request, cached like any other answer.
 */
export function scenarioEvaluationQuery(body: Omit<ScenarioRequest, 'save'>) {
  return queryOptions({
    queryKey: queryKeys.analysisPart('scenario-evaluation', body),
    queryFn: ({ signal }) => postScenario({ ...body, save: false }, signal),
    staleTime: 5 * 60_000,
  });
}

/** `GET /analysis/scenarios`: the saved scenarios the caller may see. */
export function scenariosQuery() {
  return queryOptions({
    queryKey: queryKeys.analysisPart('scenarios'),
    queryFn: async ({ signal }): Promise<ScenarioSummary[]> =>
      ScenarioListSchema.parse(await fetchJson(SCENARIOS_PATH, { signal })).scenarios,
  });
}

/** `GET /analysis/scenarios/:id`: one saved scenario with its evaluation. */
export function scenarioQuery(id: number) {
  return queryOptions({
    queryKey: queryKeys.analysisPart('scenario', { id }),
    queryFn: async ({ signal }): Promise<Scenario> =>
      ScenarioSchema.parse(await fetchJson(`${SCENARIOS_PATH}/${id}`, { signal })),
  });
}

/** Saves the changes under a name (201 with an id); the list of scenarios is fetched again. */
export function saveScenarioMutation(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['analysis', 'save-scenario'],
    mutationFn: (body: Omit<ScenarioRequest, 'save'>) => postScenario({ ...body, save: true }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.analysisPart('scenarios') }),
  });
}

/** `DELETE /analysis/scenarios/:id` (204). */
export function deleteScenarioMutation(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['analysis', 'delete-scenario'],
    mutationFn: async (id: number) => {
      const response = await request(`${SCENARIOS_PATH}/${id}`, { method: 'DELETE' });
      await response.body?.cancel();
    },
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.analysisPart('scenarios') }),
  });
}

/**
 * `POST /analysis/scenarios/:id/adopt` (commanders and admins): the facilities become real
 * (实施), so every analysis answer and the service-point layer are fetched again.
 */
export function adoptScenarioMutation(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['analysis', 'adopt-scenario'],
    mutationFn: async (id: number): Promise<Scenario> => {
      const response = await request(`${SCENARIOS_PATH}/${id}/adopt`, { method: 'POST' });
      return ScenarioSchema.parse(await response.json());
    },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.analysis() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.wallLayer('service-points') }),
      ]);
    },
  });
}
