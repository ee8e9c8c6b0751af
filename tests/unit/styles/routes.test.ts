import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { UserRole } from '../../../api/contract/codes';
import type { Principal } from '../../../api/domain/principal';
import type { AppEnv } from '../../../api/http/env';
import { createErrorHandler, notFoundHandler } from '../../../api/http/error-handler';
import { createLogger } from '../../../api/log';
import type { StyleSettings } from '../../../api/styles/catalog';
import { styleRoutes } from '../../../api/styles/routes';

const ORIGIN = 'http://127.0.0.1:8787';

/** The style routes behind a stand-in for `authenticate`: the caller has `role`, or is anonymous. */
function appFor(role: UserRole | null, settings: StyleSettings = { tiandituToken: undefined }) {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(createLogger('silent')));
  app.notFound(notFoundHandler);
  app.use(async (c, next) => {
    const principal: Principal | null = role
      ? { kind: 'user', id: 1, name: 'test', role, scopes: [] }
      : null;
    c.set('principal', principal);
    c.set('publicOrigin', ORIGIN);
    await next();
  });
  app.route('/styles', styleRoutes(settings));
  return app;
}

async function get(app: Hono<AppEnv>, path: string) {
  const response = await app.request(`${ORIGIN}${path}`);
  return { response, body: (await response.json()) as Record<string, unknown> };
}

describe('GET /styles/{name}.json', () => {
  it('serves the dark style with absolute URLs for this origin, cached privately', async () => {
    const { response, body } = await get(appFor('display'), '/styles/dark.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('private, max-age=300');
    expect(response.headers.get('Vary')).toContain('Cookie');
    expect(body.version).toBe(8);
    expect(body.sources).toMatchObject({ grids: { url: `${ORIGIN}/tiles/grids.json` } });
  });

  it('serves the light style', async () => {
    const { response, body } = await get(appFor('planner'), '/styles/light.json');
    expect(response.status).toBe(200);
    expect(body.metadata).toEqual({ 'yiping:style': 'light', 'yiping:crs': 'wgs84' });
  });

  it('leaves incidents out for a role without incidents:read and in for one with it', async () => {
    const planner = await get(appFor('planner'), '/styles/dark.json');
    const display = await get(appFor('display'), '/styles/dark.json');
    expect(Object.keys(planner.body.sources as object)).not.toContain('incidents');
    expect(JSON.stringify(planner.body.layers)).not.toContain('"incidents"');
    expect(Object.keys(display.body.sources as object)).toContain('incidents');
  });

  it('answers 401 to an anonymous caller', async () => {
    const { response, body } = await get(appFor(null), '/styles/dark.json');
    expect(response.status).toBe(401);
    expect(body).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it.each(['/styles/satellite.json', '/styles/dark', '/styles/DARK.json'])(
    'answers 404 with a clear message for %s',
    async (path) => {
      const { response, body } = await get(appFor('admin'), path);
      expect(response.status).toBe(404);
      expect(body).toMatchObject({ error: { code: 'not_found', message: /styles/i } });
    },
  );

  it('answers 404 for tianditu until TIANDITU_TOKEN is set, then serves it', async () => {
    const off = await get(appFor('admin'), '/styles/tianditu.json');
    expect(off.response.status).toBe(404);
    expect(off.body).toMatchObject({ error: { message: /TIANDITU_TOKEN/ } });
    const on = await get(appFor('admin', { tiandituToken: 'abc123' }), '/styles/tianditu.json');
    expect(on.response.status).toBe(200);
    expect(JSON.stringify(on.body)).toContain('tk=abc123');
  });
});

describe('GET /styles', () => {
  it('lists the available styles with titles and absolute URLs', async () => {
    const { response, body } = await get(appFor('api_consumer'), '/styles');
    expect(response.status).toBe(200);
    expect(body.styles).toEqual([
      {
        id: 'dark',
        title: expect.stringMatching(/暗色.*dark/i),
        url: `${ORIGIN}/styles/dark.json`,
        crs: 'wgs84',
      },
      {
        id: 'light',
        title: expect.stringMatching(/浅色.*light/i),
        url: `${ORIGIN}/styles/light.json`,
        crs: 'wgs84',
      },
    ]);
  });

  it('includes tianditu once configured', async () => {
    const { body } = await get(appFor('admin', { tiandituToken: 'abc123' }), '/styles');
    expect((body.styles as { id: string }[]).map((style) => style.id)).toEqual([
      'dark',
      'light',
      'tianditu',
    ]);
  });
});
