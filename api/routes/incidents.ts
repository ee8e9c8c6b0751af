import { Hono, type Context } from 'hono';
import { CreateIncidentSchema } from '../contract/incident-records';
import { IncidentActionSchema, IncidentCodeSchema } from '../contract/incidents';
import { NotFoundError, ValidationError } from '../domain/errors';
import { actorFromPrincipal, incidentEtag, parseIfMatch } from '../domain/incidents';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { readJson } from '../http/validate';
import { createIncident } from '../use-cases/incidents/create';
import type { IncidentDeps } from '../use-cases/incidents/deps';
import { detailOf, transitionIncident } from '../use-cases/incidents/transition';
import { findIncident } from '../db/incidents';

/**
 * `/api/v1/incidents`: report (idempotent with `Idempotency-Key`), read with the full timeline,
 * and act on the workflow (`/transitions`, optimistic locking with `If-Match`). Every read and
 * write runs under the caller's area scope.
 */
export function incidentRoutes(deps: IncidentDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/incidents', allow('incidents:report'), async (c) => {
    const key = idempotencyKey(c.req.header('Idempotency-Key'));
    const body = await readJson(c, CreateIncidentSchema);
    const outcome = await createIncident(deps, requirePrincipal(c), body, key);
    const incident = outcome.body.incident;
    c.header('Location', `/api/v1/incidents/${incident.code}`);
    c.header('ETag', incidentEtag(incident.version));
    if (!outcome.created) c.header('Idempotent-Replayed', 'true');
    return c.json(outcome.body, outcome.created ? 201 : 200);
  });

  routes.get('/incidents/:code', allow('incidents:read'), async (c) => {
    const code = codeParam(c);
    const principal = requirePrincipal(c);
    const detail = await deps.scoped(principal, async (client) => {
      const record = await findIncident(client, code);
      if (!record) throw new NotFoundError(`There is no incident ${code} in your area.`);
      return detailOf(client, record.id, actorFromPrincipal(principal, principal.memberId ?? null));
    });
    c.header('ETag', incidentEtag(detail.version));
    return c.json(detail);
  });

  routes.post('/incidents/:code/transitions', allow('incidents:act-assigned'), async (c) => {
    const code = codeParam(c);
    const expected = parseIfMatch(c.req.header('If-Match'));
    const action = await readJson(c, IncidentActionSchema);
    const detail = await transitionIncident(deps, requirePrincipal(c), code, action, expected);
    c.header('ETag', incidentEtag(detail.version));
    return c.json(detail);
  });

  return routes;
}

function codeParam(c: Context<AppEnv>): string {
  const parsed = IncidentCodeSchema.safeParse(c.req.param('code'));
  if (!parsed.success) {
    throw new ValidationError(`"${c.req.param('code')}" is not an incident code.`, [
      { path: 'code', message: parsed.error.issues[0]?.message ?? 'invalid' },
    ]);
  }
  return parsed.data;
}

/** The `Idempotency-Key` header: 1–255 visible ASCII characters, or absent. */
function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(header)) {
    throw new ValidationError(
      'Idempotency-Key must be 1–255 visible ASCII characters (e.g. a UUID).',
      [{ path: 'Idempotency-Key', message: 'invalid' }],
    );
  }
  return header;
}
