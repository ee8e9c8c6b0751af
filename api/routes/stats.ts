import { Hono } from 'hono';
import type { Overview } from '../contract/stats';
import type { ScopedRunner } from '../db/scoped';
import { findArea, hourlySeries, overviewFigures } from '../db/stats';
import type { Clock } from '../domain/clock';
import { NotFoundError, ValidationError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { scopePrefix } from '../domain/scopes';
import type { AppEnv } from '../http/env';
import { allow } from '../http/policy';

const HOUR = 3_600_000;
/** China has one time zone, UTC+8, and no daylight saving. */
const LOCAL_OFFSET = 8 * HOUR;
const SLA_WINDOW_DAYS = 30;

/**
 * `GET /api/v1/stats/overview?area=<code>`: counts by status, category, source, street and
 * community; today's reported and closed; open overdue; SLA compliance over the last 30 days;
 * median minutes to accept and to close; reports and closures per hour for the last 24 hours.
 * Computed in SQL under the caller's area scope.
 */
export function statsRoutes(deps: { scoped: ScopedRunner; clock: Clock }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/stats/overview', allow('incidents:read'), async (c) => {
    const code = c.req.query('area');
    if (code !== undefined && !/^\d{12}$/.test(code)) {
      throw new ValidationError('area must be a 12-digit admin-area code.', [
        { path: 'area', message: 'expected 12 digits' },
      ]);
    }
    const now = deps.clock.now();
    const local = now.getTime() + LOCAL_OFFSET;
    const dayStart = new Date(local - (local % (24 * HOUR)) - LOCAL_OFFSET);
    const firstHour = new Date(now.getTime() - (now.getTime() % HOUR) - 23 * HOUR);
    const slaSince = new Date(now.getTime() - SLA_WINDOW_DAYS * 24 * HOUR);
    const body = await deps.scoped(c.get('principal') as Principal, async (client) => {
      const area = code === undefined ? null : await findArea(client, code);
      if (code !== undefined && area === null) {
        throw new NotFoundError(`There is no admin area ${code} in your scope.`);
      }
      const prefix = area === null ? null : scopePrefix(area.code);
      const figures = await overviewFigures(client, { prefix, dayStart, slaSince });
      const { closed, onTime } = figures.sla;
      return {
        area,
        generatedAt: now.toISOString(),
        ...figures,
        sla: {
          windowDays: SLA_WINDOW_DAYS,
          closed,
          onTime,
          compliance: closed === 0 ? null : Math.round((onTime / closed) * 1000) / 1000,
        },
        hourly: await hourlySeries(client, prefix, firstHour),
      } satisfies Overview;
    });
    return c.json(body);
  });
  return routes;
}
