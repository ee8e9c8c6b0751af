import { Hono } from 'hono';
import { OverviewQuerySchema, type Overview } from '../contract/stats';
import type { ScopedRunner } from '../db/scoped';
import { findArea, hourlySeries, overviewFigures } from '../db/stats';
import type { Clock } from '../domain/clock';
import { NotFoundError } from '../domain/errors';
import { overviewWindow } from '../domain/overview-window';
import type { Principal } from '../domain/principal';
import { scopePrefix } from '../domain/scopes';
import type { AppEnv } from '../http/env';
import { allow } from '../http/policy';
import { readQuery } from '../http/validate';

/** Days of the SLA compliance and median windows. */
const SLA_WINDOW_DAYS = 30;

/**
 * `GET /api/v1/stats/overview?area=<code>`: counts by status, category, source, street and
 * community; today's reported and closed; open overdue; SLA compliance and median minutes to
 * accept and to close over the last 30 days; reports and closures per hour for the last 24 hours.
 * Computed in SQL under the caller's area scope. An area the scope does not show answers 404,
 * exactly like an unknown code, so a scope tells nothing about areas outside it.
 */
export function statsRoutes(deps: { scoped: ScopedRunner; clock: Clock }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/stats/overview', allow('incidents:read'), async (c) => {
    const code = readQuery(c, OverviewQuerySchema).area;
    const window = overviewWindow(deps.clock.now(), SLA_WINDOW_DAYS);
    const body = await deps.scoped(c.get('principal') as Principal, async (client) => {
      const area = code === undefined ? null : await findArea(client, code);
      if (code !== undefined && area === null) {
        throw new NotFoundError(`There is no admin area ${code} in your scope.`);
      }
      const prefix = area === null ? null : scopePrefix(area.code);
      return {
        area,
        generatedAt: window.now.toISOString(),
        ...(await overviewFigures(client, prefix, window)),
        hourly: await hourlySeries(client, prefix, window),
      } satisfies Overview;
    });
    return c.json(body);
  });
  return routes;
}
