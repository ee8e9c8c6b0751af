import { Hono } from 'hono';
import { NotFoundError } from '../domain/errors';
import { roleAllows } from '../domain/permissions';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { publicOriginOf } from '../http/public-origin';
import { customStyleOf, listStyles, resolveStyle, type StyleSettings } from './catalog';
import { externalStyleReader, type ExternalStyleReader } from './external-style';

/**
 * Styles change with a deployment, not by the minute; they differ by caller (incidents are
 * left out for some roles), so only the caller's own cache may keep them.
 */
const CACHE_HEADERS = {
  'Cache-Control': 'private, max-age=300',
  Vary: 'Cookie, Authorization',
} as const;

/** A style file name: `dark.json` → `dark`. */
const STYLE_FILE = /^([a-z][a-z0-9-]{0,39})\.json$/;

/**
 * `GET /styles` lists the MapLibre styles; `GET /styles/{name}.json` serves one, built for the
 * public origin and the caller's role. Styles point at protected tiles, so they need
 * `layers:read` too.
 */
export function styleRoutes(
  settings: StyleSettings,
  readExternal: ExternalStyleReader | undefined = settings.customBasemap
    ? externalStyleReader(settings.customBasemap)
    : undefined,
): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', allow('layers:read'), (c) =>
    c.json({ styles: listStyles(settings, publicOriginOf(c)) }, 200, CACHE_HEADERS),
  );
  routes.get('/:file', allow('layers:read'), async (c) => {
    const principal = requirePrincipal(c);
    const match = STYLE_FILE.exec(c.req.param('file'));
    if (!match?.[1]) {
      throw new NotFoundError('Styles are served as /styles/{name}.json; GET /styles lists them.');
    }
    const context = {
      origin: publicOriginOf(c),
      withIncidents: roleAllows(principal.role, 'incidents:read'),
    };
    const custom = settings.customBasemap;
    if (match[1] === 'custom' && custom && readExternal) {
      const external = await readExternal();
      const style = customStyleOf(custom, external, context);
      // A fallback is not kept, so the custom style shows soon after it is back.
      const headers = external.ok
        ? CACHE_HEADERS
        : { ...CACHE_HEADERS, 'Cache-Control': 'no-store' };
      return c.json(style, 200, headers);
    }
    return c.json(resolveStyle(match[1], settings, context), 200, CACHE_HEADERS);
  });
  return routes;
}
