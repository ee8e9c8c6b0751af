import type { Hono } from 'hono';
import type { Database } from '../../../api/db/database';
import type { AppEnv } from '../../../api/http/env';
import { call } from '../support/app';

/** A point inside a grid of `community` (or of any community), from the seeded district. */
export async function pointInGrid(db: Database, community?: string) {
  const result = await db.pool.query<{
    code: string;
    community_code: string;
    street_code: string;
    lng: number;
    lat: number;
  }>(
    `SELECT code, community_code, street_code,
            ST_X(ST_PointOnSurface(geom)) AS lng, ST_Y(ST_PointOnSurface(geom)) AS lat
       FROM grids WHERE $1::text IS NULL OR community_code = $1
      ORDER BY random() LIMIT 1`,
    [community ?? null],
  );
  const row = result.rows[0]!;
  return {
    gridCode: row.code,
    communityCode: row.community_code,
    lng: row.lng,
    lat: row.lat,
  };
}

/** The body of a new incident at a point. */
export function reportBody(lng: number, lat: number, overrides: Record<string, unknown> = {}) {
  return {
    category: 'city_appearance',
    description: '路边堆放垃圾 Rubbish piled by the road',
    location: { type: 'Point', coordinates: [lng, lat] },
    source: 'patrol',
    severity: 'medium',
    ...overrides,
  };
}

/** Sends a JSON request with a bearer key and optional extra headers. */
export function send(
  app: Hono<AppEnv>,
  method: string,
  path: string,
  key: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return call(app, path, {
    method,
    headers: {
      Authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Reports an incident and returns the created incident's body. */
export async function report(
  app: Hono<AppEnv>,
  key: string,
  lng: number,
  lat: number,
  overrides: Record<string, unknown> = {},
) {
  const response = await send(
    app,
    'POST',
    '/api/v1/incidents',
    key,
    reportBody(lng, lat, overrides),
  );
  if (response.status !== 201) {
    throw new Error(`report failed: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as {
    incident: Record<string, unknown> & { code: string; version: number; status: string };
    probableDuplicates: { code: string; distanceM: number }[];
  };
}

/** Takes one action; returns the response. */
export function act(
  app: Hono<AppEnv>,
  key: string,
  code: string,
  action: Record<string, unknown>,
  version?: number,
) {
  const headers: Record<string, string> =
    version === undefined ? {} : { 'If-Match': `"${version}"` };
  return send(app, 'POST', `/api/v1/incidents/${code}/transitions`, key, action, headers);
}
