import { Hono } from 'hono';
import { IotAlarmSchema } from '../contract/iot';
import { incidentEtag } from '../domain/incidents';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { readJson } from '../http/validate';
import type { IncidentDeps } from '../use-cases/incidents/deps';
import { receiveAlarm } from '../use-cases/incidents/iot-alarm';

/**
 * `POST /api/v1/iot/alarms`: an IoT platform reports a device alarm. 201 with the incident it
 * opened, or 200 with `repeat: true` when it updated the open incident of an earlier alarm of
 * the same device and type.
 */
export function iotRoutes(deps: IncidentDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/iot/alarms', allow('incidents:report'), async (c) => {
    const principal = requirePrincipal(c);
    const alarm = await readJson(c, IotAlarmSchema);
    const result = await receiveAlarm(deps, principal, alarm);
    c.header('Location', `/api/v1/incidents/${result.incident.code}`);
    c.header('ETag', incidentEtag(result.incident.version));
    return c.json(result, result.repeat ? 200 : 201);
  });

  return routes;
}
