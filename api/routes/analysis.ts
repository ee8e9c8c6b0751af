import { Hono } from 'hono';
import { z } from 'zod';
import {
  CompletenessQuerySchema,
  CoverageQuerySchema,
  DEMAND_CATEGORIES,
  IsochroneQuerySchema,
  SiteSuggestionQuerySchema,
  type Demands,
  type SiteSuggestions,
} from '../contract/analysis';
import { answerArea } from '../analysis/area-filter';
import { completenessOf } from '../analysis/completeness';
import { accessTile } from '../analysis/access-tile';
import { buildingAccess, coverageOf } from '../analysis/coverage';
import type { AnalysisEngine } from '../analysis/engine';
import { reachPolygons } from '../analysis/isochrones';
import { reachDistance } from '../analysis/reach-distance';
import { suggestSites } from '../analysis/site-suggestions';
import type { AnalysisPorts } from '../analysis/ports';
import { demandsByGrid } from '../db/demands';
import type { ScopedRunner } from '../db/scoped';
import type { Clock } from '../domain/clock';
import { NotFoundError, UnprocessableError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { inScope, scopePrefix } from '../domain/scopes';
import { parseTileAddress } from '../domain/tile-math';
import { sendTile } from '../tiles/respond';
import type { AppEnv } from '../http/env';
import { allow } from '../http/policy';
import { readQuery } from '../http/query';

export interface AnalysisDeps {
  engine: AnalysisEngine;
  ports: AnalysisPorts;
  scoped: ScopedRunner;
  clock: Clock;
}

const CandidatesSchema = z
  .string()
  .regex(
    /^-?\d+(\.\d+)?,-?\d+(\.\d+)?(;-?\d+(\.\d+)?,-?\d+(\.\d+)?)*$/,
    'must be lng,lat;lng,lat;…',
  )
  .transform((text) => text.split(';').map((pair) => pair.split(',').map(Number)))
  .pipe(z.array(z.tuple([z.number(), z.number()])).max(500, 'at most 500 candidates'))
  .optional();

const DemandsQuerySchema = z.object({
  area: z
    .string()
    .regex(/^\d{12}$/, 'must be a 12-digit admin-area code')
    .optional(),
  days: z.coerce
    .number()
    .int()
    .min(1, 'days must be 1–365')
    .max(365, 'days must be 1–365')
    .default(90),
});

/**
 * `/api/v1/analysis/…`: the 15-minute life circle by network walking distance. Reads (coverage,
 * per-building access, completeness, reach polygons) need `layers:read` so the wall screen can
 * show them; site suggestions and scenarios need `analysis:run`. The computation reads the whole
 * district; answers show only the caller's scope.
 */
export function analysisRoutes(deps: AnalysisDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const who = (c: { get(key: 'principal'): unknown }) => c.get('principal') as Principal;
  routes.get('/analysis/coverage', allow('layers:read'), async (c) => {
    const q = readQuery(c, CoverageQuerySchema);
    const model = await deps.engine.model();
    const answer = answerArea(model, who(c), q.area);
    return c.json(coverageOf(model, q.category, reachDistance(q.category, q), answer));
  });
  routes.get('/analysis/coverage/buildings', allow('layers:read'), async (c) => {
    const q = readQuery(c, CoverageQuerySchema);
    const model = await deps.engine.model();
    const answer = answerArea(model, who(c), q.area);
    const body = buildingAccess(model, q.category, reachDistance(q.category, q), answer);
    return c.body(JSON.stringify(body), 200, { 'Content-Type': 'application/geo+json' });
  });
  routes.get('/analysis/coverage/tiles/:z/:x/:y', allow('layers:read'), async (c) => {
    const q = readQuery(c, CoverageQuerySchema);
    const { z, x, y } = c.req.param();
    const tile = parseTileAddress({ z, x, y: y.endsWith('.mvt') ? y.slice(0, -4) : y });
    const model = await deps.engine.model();
    const answer = answerArea(model, who(c), q.area);
    const distance = reachDistance(q.category, q);
    return sendTile(c, accessTile(model, q.category, distance, answer, tile), true);
  });
  routes.get('/analysis/completeness', allow('layers:read'), async (c) => {
    const q = readQuery(c, CompletenessQuerySchema);
    const model = await deps.engine.model();
    return c.json(completenessOf(model, q, answerArea(model, who(c), q.area)));
  });
  routes.get('/analysis/isochrones', allow('layers:read'), async (c) => {
    const q = readQuery(c, IsochroneQuerySchema);
    const model = await deps.engine.model();
    const origin = await originOf(deps, model.facilities, who(c), q);
    const body = reachPolygons(model, origin, q.distances, q.width);
    return c.body(JSON.stringify(body), 200, { 'Content-Type': 'application/geo+json' });
  });
  routes.get('/analysis/site-suggestions', allow('analysis:run'), async (c) => {
    const q = readQuery(c, SiteSuggestionQuerySchema.extend({ candidates: CandidatesSchema }));
    const model = await deps.engine.model();
    const answer = answerArea(model, who(c), q.area);
    const candidates = q.candidates?.map(([lng, lat]) => ({ lng, lat }));
    const result = suggestSites(
      model,
      q.category,
      reachDistance(q.category, q),
      q.k,
      answer,
      candidates,
    );
    const grids = await deps.ports.gridsAt(result.picks);
    const body: SiteSuggestions = {
      ...result,
      suggestions: result.picks.map((pick, i) => ({
        rank: i + 1,
        ...pick,
        gridCode: grids[i] && inScope(grids[i], who(c).scopes) ? grids[i] : null,
      })),
    };
    delete (body as Partial<typeof result>).picks;
    return c.json(body);
  });
  routes.get('/analysis/demands', allow('analysis:run'), async (c) => {
    const q = readQuery(c, DemandsQuerySchema);
    const since = new Date(deps.clock.now().getTime() - q.days * 86_400_000);
    const model = await deps.engine.model();
    const area = q.area === undefined ? null : answerArea(model, who(c), q.area).area;
    const rows = await deps.scoped(who(c), (client) =>
      demandsByGrid(client, DEMAND_CATEGORIES, since, area ? scopePrefix(area.code) : null),
    );
    return c.json({ days: q.days, categories: [...DEMAND_CATEGORIES], rows } satisfies Demands);
  });
  return routes;
}

/** Where a reach polygon starts: a visible service point, or a point inside the district. */
async function originOf(
  deps: AnalysisDeps,
  facilities: readonly { code: string; communityCode: string; lng: number; lat: number }[],
  principal: Principal,
  q: { facility?: string; point?: [number, number] },
) {
  if (q.facility !== undefined) {
    const facility = facilities.find((f) => f.code === q.facility);
    if (!facility || !inScope(facility.communityCode, principal.scopes)) {
      throw new NotFoundError(`There is no service point ${q.facility} in your scope.`);
    }
    return { lng: facility.lng, lat: facility.lat, facility: facility.code };
  }
  const [lng, lat] = q.point!;
  if (!(await deps.ports.locate(lng, lat))) {
    throw new UnprocessableError(`The point ${lng}, ${lat} lies outside the district.`, [
      { path: 'point', message: 'outside the district' },
    ]);
  }
  return { lng, lat, facility: null };
}
