import { pointOnFeature } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { TestServer } from './server';

/** Calls the test server's API with the bootstrap admin key; returns status and JSON body. */
export async function apiAsAdmin(
  server: TestServer,
  path: string,
  init: { method?: string; json?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(path, server.url), {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${server.adminKey}`,
      ...(init.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
  });
  return { status: response.status, body: await response.json() };
}

/** A point well inside one of the district's grids (the `index`-th in code order). */
export async function pointInGrid(server: TestServer, index: number): Promise<[number, number]> {
  const { body } = await apiAsAdmin(server, `ogc/collections/grids/items?limit=${index + 1}`);
  const features = (body as { features: Feature<Polygon>[] }).features;
  const grid = features[index];
  if (!grid) throw new Error(`the district has fewer than ${index + 1} grids`);
  const [lng = 0, lat = 0] = pointOnFeature(grid).geometry.coordinates;
  return [lng, lat];
}

/** Reports an incident through the API as the admin; returns its code. */
export async function reportIncident(
  server: TestServer,
  location: [number, number],
  fields: { category: string; severity: string; description: string },
): Promise<string> {
  const { status, body } = await apiAsAdmin(server, 'api/v1/incidents', {
    method: 'POST',
    json: { ...fields, source: 'hotline', location: { type: 'Point', coordinates: location } },
  });
  if (status !== 201) throw new Error(`report failed: ${status} ${JSON.stringify(body)}`);
  return (body as { incident: { code: string } }).incident.code;
}

/** How many items of a collection match a query string (OGC `numberMatched`). */
export async function numberMatched(server: TestServer, collection: string, query = '') {
  const { body } = await apiAsAdmin(
    server,
    `ogc/collections/${collection}/items?limit=1${query ? `&${query}` : ''}`,
  );
  return (body as { numberMatched: number }).numberMatched;
}
