import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../contract/errors';
import {
  isUnderPrefix,
  SURFACE_NAMES,
  SURFACE_PATHS,
  surfaceOfPath,
  type SurfaceName,
} from '../contract/surfaces';
import type { AppEnv } from './env';

/** Writes the error answer of a surface from the status and the one error body. */
export type ErrorRenderer = (
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  body: ErrorBody,
) => Response | Promise<Response>;

/** The default error answer: the error body as JSON. */
export const renderJsonError: ErrorRenderer = (c, status, body) => c.json(body, status);

/** What a surface brings besides its paths: its routes and how its errors look. */
export interface SurfaceParts {
  routes: Hono<AppEnv>;
  renderError: ErrorRenderer;
}

/** One row of the table of surfaces: `{ prefixes, routes, renderError }`. */
export interface Surface extends SurfaceParts {
  name: SurfaceName;
  prefixes: readonly string[];
}

/** Every surface, its paths from api/contract/surfaces.ts paired with its parts. */
export type SurfaceTable = readonly Surface[];

/**
 * Builds the table from one entry per surface name (a missing surface is a type error), in
 * the order of api/contract/surfaces.ts.
 */
export function surfaceTable(parts: Record<SurfaceName, SurfaceParts>): SurfaceTable {
  return SURFACE_NAMES.map((name) => ({
    name,
    prefixes: SURFACE_PATHS[name].prefixes,
    ...parts[name],
  }));
}

/** Where a surface's routes are mounted: its one prefix, or the root for several. */
function mountPoint(surface: Surface): string {
  const [only, ...others] = surface.prefixes;
  return only !== undefined && others.length === 0 ? only : '/';
}

/**
 * Mounts every surface's routes at its prefix. Fails start-up when a route would answer
 * outside its surface's prefixes: then the rate limiter, the SPA fallback and the dev proxy,
 * which go by the prefixes, would not know it.
 */
export function mountSurfaces(app: Hono<AppEnv>, table: SurfaceTable): void {
  for (const surface of table) {
    const at = mountPoint(surface);
    const stray = surface.routes.routes
      .map(({ path }) => (path.startsWith('/') ? path : `/${path}`))
      .map((path) => (at === '/' ? path : `${at}${path}`))
      .filter((path) => !surface.prefixes.some((prefix) => isUnderPrefix(path, prefix)));
    if (stray.length > 0) {
      throw new Error(`Routes outside the ${surface.name} surface's prefixes: ${stray.join(', ')}`);
    }
    app.route(at, surface.routes);
  }
}

/** The error renderer for a request path: its surface's, or JSON for any other path. */
export function errorRendererFor(table: SurfaceTable): (path: string) => ErrorRenderer {
  return (path) => {
    const name = surfaceOfPath(path);
    return table.find((surface) => surface.name === name)?.renderError ?? renderJsonError;
  };
}
