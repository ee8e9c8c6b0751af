import { Hono } from 'hono';
import {
  CompletenessQuerySchema,
  CoverageQuerySchema,
  IsochroneQuerySchema,
} from '../contract/analysis';
import { answerArea } from '../use-cases/analysis/area-filter';
import { completenessOf } from '../use-cases/analysis/completeness';
import { accessTile } from '../use-cases/analysis/access-tile';
import { buildingAccess, coverageOf } from '../use-cases/analysis/coverage';
import type { AnalysisEngine } from '../use-cases/analysis/engine';
import { reachPolygons } from '../use-cases/analysis/isochrones';
import { reachDistance } from '../use-cases/analysis/reach-distance';
import type { AnalysisPorts } from '../use-cases/analysis/ports';
import type { ScopedRunner } from '../db/scoped';
import type { Clock } from '../domain/clock';
import { NotFoundError, UnprocessableError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { inScope } from '../domain/scopes';
import { parseTileAddress } from '../domain/tile-math';

import { sendTile, stripSuffix } from '../http/tile-response';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { readQuery } from '../http/validate';

export interface AnalysisDeps {
  engine: AnalysisEngine;
  ports: AnalysisPorts;
  scoped: ScopedRunner;
  clock: Clock;
}

/**
 * `/api/v1/analysis/…`: the 15-minute life circle by network walking distance. Reads (coverage,
 * per-building access, completeness, reach polygons) need `layers:read` so the wall screen can
 * show them (site suggestions, demands and scenarios, which need `analysis:run`, are in
 * planning.ts and scenarios.ts). The computation reads the whole district; answers show only
 * the caller's scope.
 */
export function analysisRoutes(deps: AnalysisDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/analysis/coverage', allow('layers:read'), async (c) => {
    const q = readQuery(c, CoverageQuerySchema);
    const model = await deps.engine.model();
    const answer = answerArea(model, requirePrincipal(c), q.area);
    return c.json(coverageOf(model, q.category, reachDistance(q.category, q), answer));
  });
  routes.get('/analysis/coverage/buildings', allow('layers:read'), async (c) => {
    const q = readQuery(c, CoverageQuerySchema);
    const model = await deps.engine.model();
    const answer = answerArea(model, requirePrincipal(c), q.area);
    const body = buildingAccess(model, q.category, reachDistance(q.category, q), answer);
    return c.body(JSON.stringify(body), 200, { 'Content-Type': 'application/geo+json' });
  });
  routes.get('/analysis/coverage/tiles/:z/:x/:y', allow('layers:read'), async (c) => {
    const q = readQuery(c, CoverageQuerySchema);
    const { z, x, y } = c.req.param();
    const tile = parseTileAddress({ z, x, y: stripSuffix(y, '.mvt') });
    const model = await deps.engine.model();
    const answer = answerArea(model, requirePrincipal(c), q.area);
    const distance = reachDistance(q.category, q);
    return sendTile(c, accessTile(model, q.category, distance, answer, tile), true);
  });
  routes.get('/analysis/completeness', allow('layers:read'), async (c) => {
    const q = readQuery(c, CompletenessQuerySchema);
    const model = await deps.engine.model();
    return c.json(completenessOf(model, q, answerArea(model, requirePrincipal(c), q.area)));
  });
  routes.get('/analysis/isochrones', allow('layers:read'), async (c) => {
    const q = readQuery(c, IsochroneQuerySchema);
    const model = await deps.engine.model();
    const origin = await originOf(deps, model.facilities, requirePrincipal(c), q);
    const body = reachPolygons(model, origin, q.distances, q.width);
    return c.body(JSON.stringify(body), 200, { 'Content-Type': 'application/geo+json' });
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
  const [place] = await deps.ports.locate([{ lng, lat }]);
  if (!place) {
    throw new UnprocessableError(`The point ${lng}, ${lat} lies outside the district.`, [
      { path: 'point', message: 'outside the district' },
    ]);
  }
  return { lng, lat, facility: null };
}
