import type { Hono } from 'hono';
import { expect } from 'vitest';
import type { AppEnv } from '../../../api/http/env';
import { bearer } from '../support/app';

/**
 * A parsed response body. The tests read arbitrary JSON documents and check them with
 * assertions, so the body is deliberately untyped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** GETs an OGC path with a bearer key, asserts the status, and returns the parsed body. */
export async function getJson(
  app: Hono<AppEnv>,
  path: string,
  key: string,
  status = 200,
): Promise<Json> {
  const response = await app.request(path, bearer(key));
  const body = await response.json();
  expect(response.status, JSON.stringify(body).slice(0, 500)).toBe(status);
  return body;
}

/** Follows `next` links from `path` and returns every feature seen. */
export async function collectPages(app: Hono<AppEnv>, path: string, key: string) {
  const features: Json[] = [];
  let url: string | undefined = path;
  for (let pages = 0; url && pages < 1_000; pages += 1) {
    const body = await getJson(app, url, key);
    features.push(...body.features);
    const next = body.links.find((link: Json) => link.rel === 'next');
    url = next ? new URL(next.href).pathname + new URL(next.href).search : undefined;
  }
  return features;
}
