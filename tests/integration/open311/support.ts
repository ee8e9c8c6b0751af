import type { Hono } from 'hono';
import { expect } from 'vitest';
import type { AppEnv } from '../../../api/http/env';
import { call } from '../support/app';

/** Open311 requests from this address, so their rate-limit bucket is their own. */
export const IP = '10.31.1.1';

/** GETs an Open311 path, with a bearer key when given. */
export function get(app: Hono<AppEnv>, path: string, key?: string) {
  return call(app, path, key ? { headers: { Authorization: `Bearer ${key}` } } : {}, IP);
}

/** POSTs form fields the way GeoReport v2 clients do. */
export function postForm(
  app: Hono<AppEnv>,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return call(
    app,
    path,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
      body: new URLSearchParams(fields).toString(),
    },
    IP,
  );
}

/** Asserts a GeoReport v2 error answer: the status and `[{ code, description }]`. */
export async function expectOpen311Error(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
  const body = (await response.json()) as unknown[];
  expect(Array.isArray(body)).toBe(true);
  expect(body.length).toBeGreaterThan(0);
  for (const error of body as Record<string, unknown>[]) {
    expect(Object.keys(error).sort()).toEqual(['code', 'description']);
    expect(error.code).toBe(status);
    expect(typeof error.description).toBe('string');
  }
  return (body as { description: string }[])[0]!.description;
}

/** The response fields of GET requests, in the specification's order. */
export const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

/** W3C date-time with a time zone (the specification's format for every datetime). */
export const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const stringOrNull = (value: unknown) => value === null || typeof value === 'string';

/** Checks one service request field by field against the specification. */
export function expectServiceRequest(request: Record<string, unknown>) {
  expect(Object.keys(request)).toEqual(REQUEST_FIELDS);
  expect(request.service_request_id).toMatch(/^YP\d{14}$/);
  expect(['open', 'closed']).toContain(request.status);
  expect(stringOrNull(request.status_notes)).toBe(true);
  expect(typeof request.service_name).toBe('string');
  expect(typeof request.service_code).toBe('string');
  expect(typeof request.description).toBe('string');
  expect(stringOrNull(request.agency_responsible)).toBe(true);
  expect(stringOrNull(request.service_notice)).toBe(true);
  expect(request.requested_datetime).toMatch(W3C);
  expect(request.updated_datetime).toMatch(W3C);
  expect(request.expected_datetime).toMatch(W3C);
  expect(stringOrNull(request.address)).toBe(true);
  expect(stringOrNull(request.address_id)).toBe(true);
  expect(stringOrNull(request.zipcode)).toBe(true);
  expect(typeof request.lat).toBe('number');
  expect(typeof request.long).toBe('number');
  expect(stringOrNull(request.media_url)).toBe(true);
}
