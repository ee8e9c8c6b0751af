import { Hono } from 'hono';
import { PositionReportSchema } from '../contract/members';
import type { ScopedRunner } from '../db/scoped';
import type { Clock } from '../domain/clock';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { readJson } from '../http/validate';
import { reportPosition } from '../use-cases/members/report-position';

/** `POST /api/v1/members/me/position`: a grid member reports where they are. */
export function memberRoutes(deps: {
  scoped: ScopedRunner;
  clock: Clock;
  onEvents?: () => void;
}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/members/me/position', allow('members:report-position'), async (c) => {
    const body = await readJson(c, PositionReportSchema);
    return c.json(await reportPosition(deps, requirePrincipal(c), body));
  });
  return routes;
}
