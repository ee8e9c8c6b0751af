import { Hono } from 'hono';
import { z } from 'zod';
import { NEARBY_KINDS, type Nearby } from '../contract/nearby';
import { IncidentCodeSchema } from '../contract/incidents';
import { findIncident } from '../db/incidents';
import { findNearby } from '../db/nearby';
import type { ScopedRunner } from '../db/scoped';
import { NotFoundError, ValidationError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { compassBearing, inViewCone } from '../domain/view-cone';
import type { AppEnv } from '../http/env';
import { allow } from '../http/policy';

const QuerySchema = z.object({
  code: IncidentCodeSchema,
  kinds: z
    .string()
    .default(NEARBY_KINDS.join(','))
    .transform((value) => value.split(',').map((k) => k.trim()))
    .pipe(
      z.array(
        z.enum(NEARBY_KINDS, {
          error: (issue) =>
            `unknown kind ${JSON.stringify(issue.input)}; kinds are ${NEARBY_KINDS.join(', ')}`,
        }),
      ),
    ),
  limit: z.coerce.number().int().min(1).max(50).default(5),
});

/**
 * `GET /api/v1/incidents/{code}/nearby?kinds=camera,member&limit=5`: the cameras nearest to an
 * incident, each with whether the incident lies in its view cone, and the on-duty members
 * nearest to it — what an operator needs to look and to send someone.
 */
export function nearbyRoutes(scoped: ScopedRunner): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/incidents/:code/nearby', allow('incidents:read'), async (c) => {
    const parsed = QuerySchema.safeParse({
      code: c.req.param('code'),
      kinds: c.req.query('kinds') || undefined,
      limit: c.req.query('limit'),
    });
    if (!parsed.success) {
      throw new ValidationError(
        'The request is not valid.',
        parsed.error.issues.map((i) => ({
          path: String(i.path[0] ?? 'query'),
          message: i.message,
        })),
      );
    }
    const { code, kinds, limit } = parsed.data;
    const body = await scoped(c.get('principal') as Principal, async (client) => {
      const incident = await findIncident(client, code);
      if (!incident) throw new NotFoundError(`There is no incident ${code} in your area.`);
      const at = { lng: incident.lng, lat: incident.lat };
      const { cameras, members } = await findNearby(client, at, {
        cameras: kinds.includes('camera'),
        members: kinds.includes('member'),
        limit,
      });
      return {
        incident: { code, ...at },
        cameras: cameras.map((camera) => ({
          ...camera,
          distanceM: Math.round(camera.distanceM * 10) / 10,
          bearing: (Math.round(compassBearing(camera, at) * 10) / 10) % 360,
          inView: inViewCone(camera, at),
        })),
        members: members.map((m) => ({ ...m, distanceM: Math.round(m.distanceM * 10) / 10 })),
      } satisfies Nearby;
    });
    return c.json(body);
  });
  return routes;
}
