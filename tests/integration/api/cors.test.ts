import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, makeUser } from '../support/identities';
import { rawRequest, serveWith } from './origin-support';

const db = useTestDatabase();
const PAGE = 'https://maps.partner.example';
let key: string;
let cookie: string;
let server: Awaited<ReturnType<typeof serveWith>>;

/** One address on each read surface another origin's map client uses. */
const READ_SURFACES = [
  '/styles',
  '/styles/dark.json',
  '/tiles/grids.json',
  '/tiles/basemap/14/13722/6607.mvt',
  '/ogc',
  '/ogc/collections/grids/items?limit=1',
  '/ogc/api',
  '/api/openapi.json',
];

beforeAll(async () => {
  const { district } = await areaCodes(db());
  key = (await makeKey(db(), 'admin', [district])).key;
  const user = await makeUser(db(), 'admin', [district]);
  server = await serveWith(db());
  const login = await rawRequest(server.url, '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  cookie = String(login.headers['set-cookie']?.[0]).split(';')[0]!;
});

afterAll(async () => {
  await server?.close();
});

const list = (value: string | string[] | undefined) =>
  String(value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase());

describe('CORS on the read surfaces (default: any origin, bearer keys only)', () => {
  it.each(READ_SURFACES)('answers a preflight for %s', async (path) => {
    const answer = await rawRequest(server.url, path, {
      method: 'OPTIONS',
      headers: {
        Origin: PAGE,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,accept-crs',
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(list(answer.headers['access-control-allow-methods'])).toEqual(
      expect.arrayContaining(['get', 'head', 'options']),
    );
    expect(list(answer.headers['access-control-allow-headers'])).toEqual(
      expect.arrayContaining(['authorization', 'accept', 'accept-crs']),
    );
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it.each(READ_SURFACES)('lets another origin read %s with a bearer key', async (path) => {
    const answer = await rawRequest(server.url, path, {
      headers: { Origin: PAGE, Authorization: `Bearer ${key}` },
    });
    expect(answer.status).toBeLessThan(300);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
    expect(list(answer.headers['access-control-expose-headers'])).toEqual(
      expect.arrayContaining(['content-crs', 'link', 'etag']),
    );
    expect(list(answer.headers.vary)).toContain('origin');
    // Tiles and styles may be embedded by pages on other origins.
    expect(answer.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('lets another origin read the error of a wrong key (so a page can say why)', async () => {
    const answer = await rawRequest(server.url, '/tiles/grids.json', {
      headers: { Origin: PAGE, Authorization: 'Bearer yp_wrong' },
    });
    expect(answer.status).toBe(401);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it('never authenticates a foreign-Origin request by the session cookie', async () => {
    const own = await rawRequest(server.url, '/styles/dark.json', { headers: { Cookie: cookie } });
    expect(own.status).toBe(200);
    const foreign = await rawRequest(server.url, '/styles/dark.json', {
      headers: { Cookie: cookie, Origin: PAGE },
    });
    expect(foreign.status).toBe(401);
    const me = await rawRequest(server.url, '/api/v1/auth/me', {
      headers: { Cookie: cookie, Origin: PAGE },
    });
    expect(me.status).toBe(401);
  });

  it('keeps the cookie working for our own Origin', async () => {
    const answer = await rawRequest(server.url, '/api/v1/auth/me', {
      headers: { Cookie: cookie, Origin: server.url },
    });
    expect(answer.status).toBe(200);
  });

  it('opens nothing else: the write API gets no CORS headers and no preflight', async () => {
    const preflight = await rawRequest(server.url, '/api/v1/incidents', {
      method: 'OPTIONS',
      headers: { Origin: PAGE, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const read = await rawRequest(server.url, '/api/v1/incidents', {
      headers: { Origin: PAGE, Authorization: `Bearer ${key}` },
    });
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
    expect(read.headers['cross-origin-resource-policy']).toBe('same-origin');
  });
});

describe('YIPING_CORS_ORIGINS', () => {
  it('echoes only a listed origin, and varies by Origin', async () => {
    const listed = await serveWith(db(), {
      YIPING_CORS_ORIGINS: `${PAGE},https://other.example`,
    });
    try {
      const get = (origin: string) =>
        rawRequest(listed.url, '/tiles/grids.json', {
          headers: { Origin: origin, Authorization: `Bearer ${key}` },
        });
      const allowed = await get(PAGE);
      expect(allowed.headers['access-control-allow-origin']).toBe(PAGE);
      expect(list(allowed.headers.vary)).toContain('origin');
      const refused = await get('https://evil.example');
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await rawRequest(listed.url, '/tiles/grids.json', {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await listed.close();
    }
  });

  it('turns CORS off with none', async () => {
    const closed = await serveWith(db(), { YIPING_CORS_ORIGINS: 'none' });
    try {
      const answer = await rawRequest(closed.url, '/tiles/grids.json', {
        headers: { Origin: PAGE, Authorization: `Bearer ${key}` },
      });
      expect(answer.status).toBe(200);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await closed.close();
    }
  });
});
