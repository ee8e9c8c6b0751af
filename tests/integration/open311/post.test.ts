import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { pointInGrid } from '../incidents/support';
import { IP, expectOpen311Error, expectServiceRequest, get, postForm } from './support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let consumer: string;
let operator: string;
let communities: string[];

const REQUESTS = '/open311/v2/requests.json';

async function form(extra: Record<string, string> = {}) {
  const at = await pointInGrid(db(), communities[0]);
  return {
    api_key: consumer,
    jurisdiction_id: 'yiping.example',
    service_code: 'public_facility',
    lat: String(at.lat),
    long: String(at.lng),
    description: '路灯不亮 Street light out',
    ...extra,
  };
}

/** The fields without the named ones. */
function without(fields: Record<string, string>, ...names: string[]) {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !names.includes(name)));
}

beforeAll(async () => {
  app = createTestApp(db());
  const areas = await areaCodes(db());
  communities = areas.communities;
  consumer = (await makeKey(db(), 'api_consumer', [areas.district])).key;
  operator = (await makeKey(db(), 'operator', [areas.district])).key;
});

describe('POST /open311/v2/requests', () => {
  it('creates an incident from a form with api_key, visible through the incident API', async () => {
    const response = await postForm(
      app,
      REQUESTS,
      await form({
        media_url: 'https://example.org/light.jpg',
        first_name: '小红',
        last_name: '李',
        phone: '13900001111',
        email: 'li@example.org',
        account_id: 'acct-7',
        device_id: 'phone-42',
        'attribute[WHISPAWN]': '1',
      }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as Record<string, unknown>[];
    expect(body).toHaveLength(1);
    expect(Object.keys(body[0]!)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    const code = body[0]!.service_request_id as string;
    expect(code).toMatch(/^YP\d{14}$/);
    expect(body[0]!.service_notice).toContain('网格员');
    expect(body[0]!.account_id).toBe('acct-7');
    expect(response.headers.get('Location')).toBe(`/open311/v2/requests/${code}.json`);

    const detail = await call(
      app,
      `/api/v1/incidents/${code}`,
      { headers: { Authorization: `Bearer ${operator}` } },
      IP,
    );
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({
      code,
      category: 'public_facility',
      source: 'resident_app',
      severity: 'medium',
      status: 'reported',
      description: '路灯不亮 Street light out',
      photoUrls: ['https://example.org/light.jpg'],
      reporter: { name: '李小红', contact: '13900001111' },
      deviceId: null,
    });
    const read = await get(app, `/open311/v2/requests/${code}.json`, operator);
    const [request] = (await read.json()) as Record<string, unknown>[];
    expectServiceRequest(request!);
    expect(request).toMatchObject({
      service_request_id: code,
      status: 'open',
      service_code: 'public_facility',
      media_url: 'https://example.org/light.jpg',
    });
  });

  it('places a request by address_string', async () => {
    const grid = await db().pool.query<{ name: string; code: string }>(
      'SELECT name, code FROM grids WHERE community_code = $1 ORDER BY code LIMIT 1',
      [communities[0]],
    );
    const fields = without(
      await form({ address_string: `${grid.rows[0]!.name}东门` }),
      'lat',
      'long',
    );
    const response = await postForm(app, REQUESTS, fields);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { service_request_id: string }[];
    const code = body[0]!.service_request_id;
    const row = await db().pool.query('SELECT grid_code, address FROM incidents WHERE code = $1', [
      code,
    ]);
    expect(row.rows[0]).toEqual({
      grid_code: grid.rows[0]!.code,
      address: `${grid.rows[0]!.name}东门`,
    });
  });

  it('accepts a JSON body with a bearer key, and answers .xml in XML', async () => {
    const fields = without(await form(), 'api_key');
    const json = await call(
      app,
      REQUESTS,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${consumer}` },
        body: JSON.stringify({ ...fields, lat: Number(fields.lat), long: Number(fields.long) }),
      },
      IP,
    );
    expect(json.status).toBe(201);
    const xml = await postForm(app, '/open311/v2/requests.xml', await form());
    expect(xml.status).toBe(201);
    expect(xml.headers.get('Content-Type')).toBe('text/xml; charset=utf-8');
    expect(await xml.text()).toMatch(
      /<service_requests><request><service_request_id>YP\d{14}<\/service_request_id><service_notice>[^<]+<\/service_notice><account_id\/><\/request><\/service_requests>$/,
    );
  });

  it('answers 401 in the specification’s format without a key or with a bad one', async () => {
    const fields = without(await form(), 'api_key');
    await expectOpen311Error(await postForm(app, REQUESTS, fields), 401);
    const description = await expectOpen311Error(
      await postForm(app, REQUESTS, { ...fields, api_key: 'yp_nothing_wrong' }),
      401,
    );
    expect(description).toContain('api_key');
    const wrongBearer = await postForm(app, REQUESTS, fields, {
      Authorization: 'Bearer yp_nothing_wrong',
    });
    await expectOpen311Error(wrongBearer, 401);
  });

  it('answers 403 when the key may not report incidents', async () => {
    const display = (await makeKey(db(), 'display', [communities[0]!])).key;
    await expectOpen311Error(await postForm(app, REQUESTS, await form({ api_key: display })), 403);
  });

  it('answers 404 for an unknown service_code and 400 for other bad requests', async () => {
    await expectOpen311Error(
      await postForm(app, REQUESTS, await form({ service_code: 'potholes' })),
      404,
    );
    const noCode = without(await form(), 'service_code');
    await expectOpen311Error(await postForm(app, REQUESTS, noCode), 400);
    const outside = await form({ lat: '30', long: '100' });
    const description = await expectOpen311Error(await postForm(app, REQUESTS, outside), 400);
    expect(description).toContain('outside the district');
    await expectOpen311Error(
      await postForm(app, REQUESTS, await form({ media_url: 'javascript:alert(1)' })),
      400,
    );
  });

  it('refuses a point outside the caller’s area', async () => {
    const local = (await makeKey(db(), 'api_consumer', [communities[0]!])).key;
    const at = await pointInGrid(db(), communities[1]);
    const fields = await form({ api_key: local, lat: String(at.lat), long: String(at.lng) });
    await expectOpen311Error(await postForm(app, REQUESTS, fields), 403);
  });
});
