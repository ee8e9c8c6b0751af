import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { listOpen311Requests } from '../db/open311';
import { NotFoundError } from '../domain/errors';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { publicOriginOf } from '../http/public-origin';
import { createIncident } from '../use-cases/incidents/create';
import type { IncidentDeps } from '../use-cases/incidents/deps';
import {
  CONTENT_TYPES,
  OPEN311_FORMATS,
  renderDocument,
  splitFormat,
  type Open311Format,
} from './documents';
import { apiKeyField, readForm, type KeyResolver } from './form';
import { reportFromForm, withFormFieldNames } from './report';
import { MAX_REQUESTS, parseRequestQuery, serviceNotice, serviceRequest } from './requests';
import { discoveryDocument, isServiceCode, serviceDefinition, serviceList } from './services';

export interface Open311Deps extends IncidentDeps {
  /** Resolves the `api_key` form field of POST requests. */
  resolveKey: KeyResolver;
}

/**
 * Open311 GeoReport v2 at `/open311/v2`, a façade over the incident workflow: service list and
 * definitions (our incident categories), service requests (our incidents, under the caller's
 * area scope) and POST requests (a resident report through `createIncident`). Every resource
 * answers in `.json` and `.xml`; errors are the specification's `[{code, description}]` (see
 * api/http/error-handler.ts).
 */
export function open311Routes(deps: Open311Deps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  for (const format of OPEN311_FORMATS) {
    routes.get(`/discovery.${format}`, allow('session'), (c) => {
      const url = `${publicOriginOf(c)}/open311/v2`;
      return send(c, format, 'discovery', discoveryDocument(url));
    });

    routes.get(`/services.${format}`, allow('session'), (c) =>
      send(c, format, 'services', serviceList()),
    );

    routes.get(`/requests.${format}`, allow('incidents:read'), async (c) => {
      const query = parseRequestQuery(
        {
          service_request_id: c.req.queries('service_request_id') ?? [],
          service_code: c.req.queries('service_code') ?? [],
          start_date: c.req.query('start_date') || undefined,
          end_date: c.req.query('end_date') || undefined,
          status: c.req.queries('status') ?? [],
        },
        deps.clock.now(),
      );
      const rows = await deps.scoped(requirePrincipal(c), (client) =>
        listOpen311Requests(client, query, MAX_REQUESTS),
      );
      return send(c, format, 'service_requests', rows.map(serviceRequest));
    });

    routes.post(
      `/requests.${format}`,
      apiKeyField(deps.resolveKey),
      allow('incidents:report'),
      async (c) => {
        const fields = await readForm(c);
        const principal = requirePrincipal(c);
        const outcome = await createIncident(deps, principal, reportFromForm(fields)).catch(
          (error: unknown) => {
            throw withFormFieldNames(error);
          },
        );
        const code = outcome.body.incident.code;
        const [row] = await deps.scoped(principal, (client) =>
          listOpen311Requests(client, { kind: 'ids', codes: [code] }, 1),
        );
        c.header('Location', `/open311/v2/requests/${code}.${format}`);
        const created = {
          service_request_id: code,
          service_notice: row ? serviceNotice(row) : null,
          account_id: fields.account_id?.trim() || null,
        };
        return send(c, format, 'service_requests', [created], 201);
      },
    );
  }

  routes.get('/services/:file', allow('session'), (c) => {
    const { name, format } = fileParam(c, 'services/{service_code}');
    if (!isServiceCode(name)) {
      throw new NotFoundError(`service_code ${name} was not found: see services.${format}.`);
    }
    return send(c, format, 'service_definition', serviceDefinition(name));
  });

  routes.get('/requests/:file', allow('incidents:read'), async (c) => {
    const { name, format } = fileParam(c, 'requests/{service_request_id}');
    const rows = await deps.scoped(requirePrincipal(c), (client) =>
      listOpen311Requests(client, { kind: 'ids', codes: [name] }, 1),
    );
    if (rows.length === 0) {
      throw new NotFoundError(`There is no service request ${name} in your area.`);
    }
    return send(c, format, 'service_requests', rows.map(serviceRequest));
  });

  return routes;
}

function send(
  c: Context,
  format: Open311Format,
  root: string,
  value: unknown,
  status: ContentfulStatusCode = 200,
) {
  return c.body(renderDocument(format, root, value), status, {
    'Content-Type': CONTENT_TYPES[format],
  });
}

/** `{name}.json` or `{name}.xml` from the last path segment; 404 for anything else. */
function fileParam(c: Context<AppEnv>, resource: string) {
  const file = c.req.param('file') ?? '';
  const split = splitFormat(file);
  if (!split) {
    throw new NotFoundError(`No resource ${file}: use ${resource}.json or ${resource}.xml.`);
  }
  return split;
}
