import { Hono } from 'hono';
import {
  DEMAND_CATEGORIES,
  DemandsQuerySchema,
  SiteSuggestionQuerySchema,
  type Demands,
  type SiteSuggestions,
} from '../contract/analysis';
import { answerArea } from '../use-cases/analysis/area-filter';
import { reachDistance } from '../use-cases/analysis/reach-distance';
import { suggestSites } from '../use-cases/analysis/site-suggestions';
import { demandsByGrid } from '../db/demands';
import { inScope, scopePrefix } from '../domain/scopes';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { readQuery } from '../http/validate';
import type { AnalysisDeps } from './analysis';

const DAY_MS = 86_400_000;

/**
 * The planner's finding and design steps (发现、汇总、设计): where new sites would cover the most
 * residents, and residents' demands per grid. Both need `analysis:run`.
 */
export function planningRoutes(deps: AnalysisDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/analysis/site-suggestions', allow('analysis:run'), async (c) => {
    const q = readQuery(c, SiteSuggestionQuerySchema);
    const model = await deps.engine.model();
    const answer = answerArea(model, requirePrincipal(c), q.area);
    const candidates = q.candidates?.map(([lng, lat]) => ({ lng, lat }));
    const distance = reachDistance(q.category, q);
    const { picks, ...result } = suggestSites(model, q.category, distance, q.k, answer, candidates);
    const places = await deps.ports.locate(picks);
    const visible = (code: string | null) =>
      code && inScope(code, requirePrincipal(c).scopes) ? code : null;
    const suggestions = picks.map((pick, i) => ({
      rank: i + 1,
      ...pick,
      gridCode: visible(places[i]?.gridCode ?? null),
    }));
    return c.json({ ...result, suggestions } satisfies SiteSuggestions);
  });
  routes.get('/analysis/demands', allow('analysis:run'), async (c) => {
    const q = readQuery(c, DemandsQuerySchema);
    const since = new Date(deps.clock.now().getTime() - q.days * DAY_MS);
    const model = await deps.engine.model();
    const area = q.area === undefined ? null : answerArea(model, requirePrincipal(c), q.area).area;
    const rows = await deps.scoped(requirePrincipal(c), (client) =>
      demandsByGrid(client, DEMAND_CATEGORIES, since, area ? scopePrefix(area.code) : null),
    );
    return c.json({ days: q.days, categories: [...DEMAND_CATEGORIES], rows } satisfies Demands);
  });
  return routes;
}
