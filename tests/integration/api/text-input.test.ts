import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, json } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { pointInGrid, reportBody } from '../incidents/support';
import { expectOpen311Error } from '../open311/support';

/**
 * Text the database cannot hold (NUL, ill-formed Unicode, malformed percent-encoding) and
 * bodies the parser cannot read are refused at the edge with 400 naming the field, in each
 * surface's own error shape, and nothing is stored.
 */
const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let admin: string;
let district: string;

const IP = '10.12.3.4';
const NUL = '\u0000';

beforeAll(async () => {
  app = createTestApp(db());
  district = (await areaCodes(db())).district;
  admin = (await makeKey(db(), 'admin', [district])).key;
});

/** Row count of every table (`rate_limits` changes with every request and is left out). */
async function rowCounts(): Promise<Record<string, number>> {
  const { rows } = await db().pool.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'rate_limits'`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    counts[name] = (await db().pool.query(`SELECT count(*)::int AS n FROM "${name}"`)).rows[0].n;
  }
  return counts;
}

/** Sends the request and checks that no table gained or lost a row meanwhile. */
async function storesNothing(send: () => Response | Promise<Response>): Promise<Response> {
  const before = await rowCounts();
  const response = await send();
  await response.clone().arrayBuffer();
  expect(await rowCounts()).toEqual(before);
  return response;
}

const withKey = (init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { Authorization: `Bearer ${admin}`, ...(init.headers as Record<string, string>) },
});

function post(path: string, body: BodyInit, type: string, key = true) {
  const init = { method: 'POST', headers: { 'Content-Type': type }, body };
  return storesNothing(() => call(app, path, key ? withKey(init) : init, IP));
}

const postJson = (path: string, body: unknown, key = true) =>
  post(path, JSON.stringify(body), 'application/json', key);

const get = (path: string) => storesNothing(() => call(app, path, withKey(), IP));

/** 400 in our body shape, with an issue naming `field`. */
async function expectOurs(response: Response, field: string) {
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.error.code).toBe('invalid_request');
  expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain(field);
  expect(body.error.message).toContain(field);
}

/** 400 in the OGC API exception shape (plus ours), naming `field`. */
async function expectOgc(response: Response, field: string) {
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.code).toBe('InvalidParameterValue');
  expect(body.description).toContain(field);
  expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain(field);
}

/** 400 in GeoReport v2's `[{ code, description }]`, naming `field`. */
async function expectOpen311(response: Response, field: string) {
  expect(await expectOpen311Error(response, 400)).toContain(field);
}

async function open311Form() {
  const at = await pointInGrid(db());
  return { service_code: 'public_facility', lat: String(at.lat), long: String(at.lng) };
}

describe('NUL and ill-formed text in JSON bodies', () => {
  it('refuses a NUL in the log-in name without credentials, naming the field', async () => {
    const response = await postJson(
      '/api/v1/auth/login',
      { username: `ad${NUL}min`, password: 'x' },
      false,
    );
    await expectOurs(response, 'username');
  });

  it('refuses NUL in incident descriptions and addresses', async () => {
    const at = await pointInGrid(db());
    const body = reportBody(at.lng, at.lat, { description: `a${NUL}b` });
    await expectOurs(await postJson('/api/v1/incidents', body), 'description');
    const byAddress = { ...reportBody(0, 0), location: undefined, address: `路${NUL}1号` };
    await expectOurs(await postJson('/api/v1/incidents', byAddress), 'address');
  });

  it('names nested fields, array items and keys by their JSON path', async () => {
    const at = await pointInGrid(db());
    const nested = reportBody(at.lng, at.lat, { reporter: { name: `x${NUL}` } });
    await expectOurs(await postJson('/api/v1/incidents', nested), 'reporter.name');
    const key = { name: 'k', role: 'display', scopes: [district, `${district}${NUL}`] };
    await expectOurs(await postJson('/api/v1/api-keys', key), 'scopes.1');
    const user = { username: 'someone', password: 'long enough password', role: 'display' };
    await expectOurs(
      await postJson('/api/v1/users', { ...user, [`sc${NUL}opes`]: [] }),
      'sc\\u0000opes',
    );
  });

  it('refuses NUL in key and user fields', async () => {
    const key = { name: `k${NUL}`, role: 'display', scopes: [district] };
    await expectOurs(await postJson('/api/v1/api-keys', key), 'name');
    const user = { username: 'someone', password: `pass${NUL}word-long`, role: 'display' };
    await expectOurs(await postJson('/api/v1/users', { ...user, scopes: [district] }), 'password');
  });

  it('refuses a lone surrogate, which is not Unicode text', async () => {
    const at = await pointInGrid(db());
    const body = JSON.stringify(reportBody(at.lng, at.lat)).replace('路边', '\\ud800');
    await expectOurs(await post('/api/v1/incidents', body, 'application/json'), 'description');
  });

  it('refuses a body that is not valid UTF-8 or not valid JSON', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]);
    await expectOurs(await post('/api/v1/incidents', bytes, 'application/json'), 'body');
    await expectOurs(await post('/api/v1/incidents', '{"category": ', 'application/json'), 'body');
  });
});

describe('NUL and malformed percent-encoding in URLs', () => {
  it('refuses a NUL OGC feature id in the OGC shape', async () => {
    await expectOgc(await get('/ogc/collections/grids/items/%00'), 'path');
  });

  it('refuses NUL in CQL2 string literals: equality, LIKE and IN', async () => {
    const filters = ["code = 'a\u0000'", "name LIKE '%\u0000%'", "code IN ('a', '\u0000')"];
    for (const filter of filters) {
      const path = `/ogc/collections/grids/items?filter=${encodeURIComponent(filter)}`;
      await expectOgc(await get(path), 'filter');
    }
  });

  it('refuses NUL in query parameter names and values', async () => {
    await expectOurs(await get('/api/v1/stats/overview?from=%00'), 'from');
    await expectOurs(await get('/api/v1/stats/overview?a%00b=1'), 'a\\u0000b');
  });

  it('refuses malformed percent-encoding in the query and the path', async () => {
    await expectOurs(await get('/api/v1/stats/overview?from=%E0%A4%A'), 'from');
    await expectOgc(await get('/ogc/collections/grids/items?filter=%FF'), 'filter');
    await expectOurs(await get('/api/v1/incidents/%FF'), 'path');
    await expectOurs(await get('/api/v1/incidents/YP%00'), 'path');
  });
});

describe('Open311: NUL in ids and form fields, broken multipart bodies', () => {
  const REQUESTS = '/open311/v2/requests.json';

  it('refuses a NUL service request id in the GeoReport shape', async () => {
    await expectOpen311(await get('/open311/v2/requests/YP%00.json'), 'path');
  });

  it('refuses NUL in url-encoded, multipart and JSON form fields', async () => {
    const fields = { ...(await open311Form()), description: `灯${NUL}坏` };
    const urlencoded = new URLSearchParams(fields).toString();
    await expectOpen311(
      await post(REQUESTS, urlencoded, 'application/x-www-form-urlencoded'),
      'description',
    );
    const multipart = new FormData();
    for (const [name, value] of Object.entries(fields)) multipart.append(name, value);
    await expectOpen311(
      await storesNothing(() =>
        call(app, REQUESTS, withKey({ method: 'POST', body: multipart }), IP),
      ),
      'description',
    );
    await expectOpen311(await postJson(REQUESTS, fields), 'description');
    const broken = 'description=%E0%A4%A&service_code=public_facility';
    await expectOpen311(
      await post(REQUESTS, broken, 'application/x-www-form-urlencoded'),
      'description',
    );
  });

  it('refuses a multipart body that cannot be parsed: garbage or a truncated part', async () => {
    const boundary = '----yiping';
    const type = `multipart/form-data; boundary=${boundary}`;
    await expectOpen311(await post(REQUESTS, 'garbage', 'multipart/form-data'), 'body');
    await expectOpen311(await post(REQUESTS, 'garbage', type), 'body');
    const truncated = `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nhal`;
    await expectOpen311(await post(REQUESTS, truncated, type), 'body');
  });
});

describe('well-formed requests still get through', () => {
  it('lets the route read the JSON body the check has read', async () => {
    const at = await pointInGrid(db());
    const response = await call(
      app,
      '/api/v1/incidents',
      json('POST', reportBody(at.lng, at.lat, { description: 'tab\tand 中文 ok' }), admin),
      IP,
    );
    expect(response.status).toBe(201);
  });

  it('lets Open311 read url-encoded and multipart forms the check has read', async () => {
    const fields = { ...(await open311Form()), description: '路灯不亮 100% out' };
    const urlencoded = await call(
      app,
      '/open311/v2/requests.json',
      withKey({
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }),
      IP,
    );
    expect(urlencoded.status).toBe(201);
    const multipart = new FormData();
    for (const [name, value] of Object.entries(fields)) multipart.append(name, value);
    const response = await call(
      app,
      '/open311/v2/requests.json',
      withKey({ method: 'POST', body: multipart }),
      IP,
    );
    expect(response.status).toBe(201);
  });
});
