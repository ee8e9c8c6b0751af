/**
 * The server's surfaces by path: the one list of what belongs to the server rather than the web
 * app. `api/http/surfaces.ts` pairs each with its routes and error shape (composed in
 * `api/app.ts`); the rate limiter, the SPA fallback, CORS and the Vite dev proxy
 * (`vite.config.ts`) all read this table. Pure and import-free, so the Vite config may load it.
 */
export interface SurfacePaths {
  /**
   * Path prefixes, matched on whole segments: `/ogc` covers `/ogc` and `/ogc/…`, never `/ogcx`.
   * A surface with one prefix is mounted there; one with several (health) is mounted at the
   * root and its routes carry their full paths.
   */
  prefixes: readonly string[];
  /** Counted by the rate limiter. Health probes are not: a load balancer polls them. */
  rateLimited: boolean;
  /** Other origins' map pages may read it (CORS, `Cross-Origin-Resource-Policy`). */
  crossOrigin: boolean;
}

/** Every server surface; any other path belongs to the web app. */
export const SURFACE_PATHS = {
  health: { prefixes: ['/healthz', '/readyz'], rateLimited: false, crossOrigin: false },
  api: { prefixes: ['/api'], rateLimited: true, crossOrigin: false },
  ogc: { prefixes: ['/ogc'], rateLimited: true, crossOrigin: true },
  tiles: { prefixes: ['/tiles'], rateLimited: true, crossOrigin: true },
  styles: { prefixes: ['/styles'], rateLimited: true, crossOrigin: true },
  open311: { prefixes: ['/open311'], rateLimited: true, crossOrigin: false },
} as const satisfies Record<string, SurfacePaths>;

export type SurfaceName = keyof typeof SURFACE_PATHS;

/** The surface names, in table order. */
export const SURFACE_NAMES = Object.keys(SURFACE_PATHS) as SurfaceName[];

/** True when `path` is `prefix` or lies below it (whole segments only). */
export function isUnderPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The surface `path` belongs to, or undefined for a web-app path. */
export function surfaceOfPath(path: string): SurfaceName | undefined {
  return SURFACE_NAMES.find((name) =>
    SURFACE_PATHS[name].prefixes.some((prefix) => isUnderPrefix(path, prefix)),
  );
}

/** True when the rate limiter counts requests to `path`. */
export function isRateLimitedPath(path: string): boolean {
  const surface = surfaceOfPath(path);
  return surface !== undefined && SURFACE_PATHS[surface].rateLimited;
}

/** True when other origins may read `path` (tiles, styles, OGC API). */
export function isCrossOriginPath(path: string): boolean {
  const surface = surfaceOfPath(path);
  return surface !== undefined && SURFACE_PATHS[surface].crossOrigin;
}

/**
 * The Vite dev server's proxy keys: one RegExp source per prefix (a leading `^` makes Vite read
 * it as a RegExp), matching whole segments so the web app's own modules (`/styles.css`,
 * `/server-state/…`) stay with Vite.
 */
export function proxiedPathPatterns(): string[] {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return SURFACE_NAMES.flatMap((name) =>
    SURFACE_PATHS[name].prefixes.map((prefix) => `^${escape(prefix)}(/|$)`),
  );
}
