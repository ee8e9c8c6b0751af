import { Hono } from 'hono';
import { NearbyQuerySchema, type Nearby } from '../contract/nearby';
import { IncidentCodeSchema } from '../contract/incidents';
import { findIncident } from '../db/incidents';
import { findNearby } from '../db/nearby';
import type { ScopedRunner } from '../db/scoped';
import { NotFoundError, ValidationError } from '../domain/errors';
import { compassBearing, inViewCone } from '../domain/view-cone';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { readQuery } from '../http/validate';

/**
 * `GET /api/v1/incidents/{code}/nearby?kinds=camera,member&limit=5`: the cameras nearest to an
 * incident, each with whether the incident lies in its view cone, and the on-duty members
 * nearest to it — what an operator needs to look and to send someone.
 */
export function nearbyRoutes(scoped: ScopedRunner): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/incidents/:code/nearby', allow('incidents:read'), async (c) => {
    const code = incidentCode(c.req.param('code'));
    const { kinds, limit } = readQuery(c, NearbyQuerySchema);
    const body = await scoped(requirePrincipal(c), async (client) => {
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

function incidentCode(value: string): string {
  const parsed = IncidentCodeSchema.safeParse(value);
  if (!parsed.success) {
    throw new ValidationError('The request is not valid.', [
      { path: 'code', message: parsed.error.issues[0]?.message ?? 'not an incident code' },
    ]);
  }
  return parsed.data;
}
