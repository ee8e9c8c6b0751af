import { Hono } from 'hono';
import { GridQualityQuerySchema } from '../contract/quality';
import { checkGridTopology, unknownCommunityCodes } from '../db/grid-quality';
import { queryRows, type Queryable } from '../db/queryable';
import { ForbiddenError, ValidationError } from '../domain/errors';
import { inScope } from '../domain/scopes';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { readQuery } from '../http/validate';

interface QualityDeps {
  /** The owner pool: the check compares grids across communities, whoever may see them. */
  db: Queryable;
}

/**
 * The communities an admin asked for, checked: each must exist (400) and lie inside the admin's
 * scopes (403). Without a filter, every community inside those scopes; `undefined` when that is
 * all of them, so the report equals `npm run check:grids` without `--community`.
 */
async function communitiesToCheck(
  db: Queryable,
  requested: string[] | undefined,
  scopes: readonly string[],
): Promise<string[] | undefined> {
  if (requested) {
    const unknown = await unknownCommunityCodes(db, requested);
    if (unknown.length) {
      throw new ValidationError(`没有这些社区 No such communities: ${unknown.join(', ')}.`, [
        { path: 'community', message: `unknown community: ${unknown.join(', ')}` },
      ]);
    }
    const outside = requested.filter((code) => !inScope(code, scopes));
    if (outside.length) {
      throw new ForbiddenError(`社区不在您的范围内 Outside your scopes: ${outside.join(', ')}.`);
    }
    return requested;
  }
  const all = await queryRows<{ code: string }>(
    db,
    `SELECT code FROM admin_areas WHERE level = 'community' ORDER BY code`,
  );
  const mine = all.map((row) => row.code).filter((code) => inScope(code, scopes));
  return mine.length === all.length ? undefined : mine;
}

/** `GET /api/v1/quality/grids` (admin only): the grid topology report. */
export function qualityRoutes({ db }: QualityDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/quality/grids', allow('admin:manage'), async (c) => {
    const query = readQuery(c, GridQualityQuerySchema);
    const codes = await communitiesToCheck(db, query.community, requirePrincipal(c).scopes);
    return c.json(await checkGridTopology(db, { communityCodes: codes }));
  });
  return routes;
}
