import { Hono } from 'hono';
import { z } from 'zod';
import { ADMIN_LEVELS } from '../contract/codes';
import { adminAreasGeoJson } from '../db/admin-areas';
import type { ScopedRunner } from '../db/scoped';
import { UnauthenticatedError, ValidationError } from '../domain/errors';
import type { AppEnv } from '../http/env';
import { allow } from '../http/policy';

const ItemsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).default(10),
    level: z.enum(ADMIN_LEVELS).optional(),
    f: z.enum(['json', 'geojson']).optional(),
  })
  .strict();

/** OGC API Features limit: larger values are clamped, not refused. */
const MAX_LIMIT = 10_000;

/**
 * The first OGC API Features collection, `admin-areas` items, enough for the web skeleton to
 * draw the district. The full OGC surface (landing page, conformance, other collections,
 * paging, CRS, CQL2) builds on this folder.
 */
export function ogcRoutes(scoped: ScopedRunner): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/collections/admin-areas/items', allow('layers:read'), async (c) => {
    const principal = c.get('principal');
    if (!principal) throw new UnauthenticatedError();
    const parsed = ItemsQuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      throw new ValidationError(
        'Unknown or invalid query parameter.',
        parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'query', message: i.message })),
      );
    }
    const { level, limit } = parsed.data;
    const body = await scoped(principal, (client) =>
      adminAreasGeoJson(client, { level, limit: Math.min(limit, MAX_LIMIT) }),
    );
    return c.body(body, 200, { 'Content-Type': 'application/geo+json' });
  });
  return routes;
}
