import { Hono } from 'hono';
import {
  type DutyRoster,
  DutyQuerySchema,
  OverviewQuerySchema,
  type Overview,
} from '../contract/stats';
import { dutyRoster } from '../db/duty-roster';
import type { ScopedClient, ScopedRunner } from '../db/scoped';
import { findArea, hourlySeries, overviewFigures } from '../db/stats';
import { baselineFigures, hotGrids } from '../db/stats-trends';
import type { Clock } from '../domain/clock';
import { NotFoundError } from '../domain/errors';
import { overviewWindow } from '../domain/overview-window';
import { scopePrefix } from '../domain/scopes';
import { baselineWindows } from '../domain/stats-baselines';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { readQuery } from '../http/validate';

/** Days of the SLA compliance and median windows. */
const SLA_WINDOW_DAYS = 30;

type Area = Awaited<ReturnType<typeof findArea>>;

/**
 * The area asked for (null for the caller's whole scope) and its code prefix. An area the scope
 * does not show is a 404, exactly like an unknown code, so a scope tells nothing about areas
 * outside it.
 */
async function areaOf(
  client: ScopedClient,
  code: string | undefined,
): Promise<{ area: Area; prefix: string | null }> {
  if (code === undefined) return { area: null, prefix: null };
  const area = await findArea(client, code);
  if (area === null) throw new NotFoundError(`There is no admin area ${code} in your scope.`);
  return { area, prefix: scopePrefix(area.code) };
}

/**
 * `GET /api/v1/stats/overview?area=<code>`: counts by status, category, source, street and
 * community; today's reported and closed with yesterday's and last week's up to the same time
 * of day; open overdue; SLA compliance and median minutes to accept and to close over the last
 * 30 days; the grids with the most open incidents; reports and closures per hour for the last
 * 24 hours. `GET /api/v1/stats/duty?area=<code>`: leaders and members on duty per street.
 * Everything is computed in SQL under the caller's area scope.
 */
export function statsRoutes(deps: { scoped: ScopedRunner; clock: Clock }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/stats/overview', allow('incidents:read'), async (c) => {
    const code = readQuery(c, OverviewQuerySchema).area;
    const window = overviewWindow(deps.clock.now(), SLA_WINDOW_DAYS);
    const baselines = baselineWindows(window);
    const body = await deps.scoped(requirePrincipal(c), async (client) => {
      const { area, prefix } = await areaOf(client, code);
      return {
        area,
        generatedAt: window.now.toISOString(),
        ...(await overviewFigures(client, prefix, window)),
        baselines: {
          yesterday: await baselineFigures(client, prefix, baselines.yesterday),
          lastWeek: await baselineFigures(client, prefix, baselines.lastWeek),
        },
        hotGrids: await hotGrids(client, prefix),
        hourly: await hourlySeries(client, prefix, window),
      } satisfies Overview;
    });
    return c.json(body);
  });
  routes.get('/stats/duty', allow('incidents:read'), async (c) => {
    const code = readQuery(c, DutyQuerySchema).area;
    const body = await deps.scoped(requirePrincipal(c), async (client) => {
      const { prefix } = await areaOf(client, code);
      return {
        generatedAt: deps.clock.now().toISOString(),
        streets: await dutyRoster(client, prefix),
      } satisfies DutyRoster;
    });
    return c.json(body);
  });
  return routes;
}
