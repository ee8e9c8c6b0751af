import { ENCODING_FAULTS, INJECTIONS, type DrillContext, type Probe } from './probe';

/**
 * The surfaces outside the two OpenAPI documents, listed by hand: Open311 GeoReport v2, the
 * vector tiles and TileJSON, the MapLibre styles; and malformed credentials.
 */
const FORMATS = ['json', 'xml'];
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const SEGMENT_FAULTS = [...ENCODING_FAULTS, ...INJECTIONS, 'x'.repeat(5000)];

function get(route: string, label: string, target: string): Probe {
  return { route, label, method: 'GET', target };
}

function open311Gets(): Probe[] {
  const probes: Probe[] = [];
  for (const f of FORMATS) {
    for (const name of ['discovery', 'services']) {
      probes.push(
        get(`GET /open311/v2/${name}.{format}`, 'NUL parameter', `/open311/v2/${name}.${f}?x=%00`),
      );
    }
    for (const bad of SEGMENT_FAULTS) {
      probes.push(
        get(
          'GET /open311/v2/services/{service_code}.{format}',
          `code ${bad.slice(0, 30)}`,
          `/open311/v2/services/${bad}.${f}`,
        ),
      );
      probes.push(
        get(
          'GET /open311/v2/requests/{service_request_id}.{format}',
          `id ${bad.slice(0, 30)}`,
          `/open311/v2/requests/${bad}.${f}`,
        ),
      );
    }
    const queries = [
      ...ENCODING_FAULTS.map((v) => `service_request_id=${v}`),
      ...ENCODING_FAULTS.map((v) => `service_code=${v}`),
      'start_date=garbage',
      'start_date=2026-13-45T99:00:00Z',
      'end_date=NaN',
      'start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z',
      'status=bogus',
      'status=%00',
      'service_code=nosuch',
      `service_request_id=${'YP1,'.repeat(3000)}`,
    ];
    for (const query of queries) {
      probes.push(
        get(
          'GET /open311/v2/requests.{format}',
          query.slice(0, 40),
          `/open311/v2/requests.${f}?${query}`,
        ),
      );
    }
  }
  return probes;
}

function open311Posts(ctx: DrillContext): Probe[] {
  const probes: Probe[] = [];
  const [lng, lat] = ctx.point;
  const base = {
    service_code: 'public_facility',
    lat: String(lat),
    long: String(lng),
    description: 'drill',
  };
  // Values are sent as written: URL-safe, or deliberately malformed percent-encoding.
  const formOf = (fields: Record<string, string>) =>
    Object.entries(fields)
      .map(([k, v]) => `${encodeURIComponent(k)}=${v}`)
      .join('&');
  const mutations: [string, Record<string, string>][] = [
    ...['NaN', 'Infinity', '-Infinity', '91', '-91', '1e309', 'abc', '0x10'].map(
      (v): [string, Record<string, string>] => [`lat=${v}`, { ...base, lat: v }],
    ),
    ...['181', '-181', 'NaN'].map((v): [string, Record<string, string>] => [
      `long=${v}`,
      { ...base, long: v },
    ]),
    ['lat without long', { service_code: base.service_code, lat: base.lat, description: 'x' }],
    ['no service_code', { lat: base.lat, long: base.long, description: 'x' }],
    ['unknown service_code', { ...base, service_code: 'nosuch' }],
    ...ENCODING_FAULTS.map((v): [string, Record<string, string>] => [
      `description=${v}`,
      { ...base, description: v },
    ]),
    ...ENCODING_FAULTS.map((v): [string, Record<string, string>] => [
      `service_code=${v}`,
      { ...base, service_code: v },
    ]),
    ['NUL field name', { ...base, 'a\u0000': '1' }],
  ];
  const boundary = '----drill';
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  for (const f of FORMATS) {
    const route = 'POST /open311/v2/requests.{format}';
    const target = `/open311/v2/requests.${f}`;
    const post = (
      label: string,
      body: string,
      headers: Record<string, string>,
      extra: Partial<Probe> = {},
    ): Probe => ({ route, label, method: 'POST', target, body, headers, ...extra });
    for (const [label, fields] of mutations) probes.push(post(label, formOf(fields), FORM));
    const forged = formOf({ ...base, api_key: 'forged-key-0000000000000000000000000000' });
    probes.push(post('forged api_key', forged, FORM, { status: 401 }));
    for (const [auth, key] of [
      ['revoked', ctx.revokedKey],
      ['expired', ctx.expiredKey],
    ]) {
      probes.push(
        post(`${auth} api_key`, formOf({ ...base, api_key: key! }), FORM, { status: 401 }),
      );
    }
    const multipart = { 'Content-Type': `multipart/form-data; boundary=${boundary}` };
    probes.push(
      post('multipart without boundary', 'garbage', { 'Content-Type': 'multipart/form-data' }),
    );
    probes.push(post('multipart garbage', 'garbage', multipart));
    probes.push(
      post(
        'multipart truncated',
        `${part('service_code', 'public_facility')}--${boundary}\r\nContent-Disposition: form-data; name="lat"\r\n\r\n3`,
        multipart,
      ),
    );
    probes.push(
      post('multipart wrong boundary', `${part('lat', 'x')}--${boundary}--`, {
        'Content-Type': 'multipart/form-data; boundary=other',
      }),
    );
    probes.push(
      post(
        'multipart NUL field',
        `${part('service_code', 'public_facility')}${part('description', 'a\u0000b')}--${boundary}--\r\n`,
        multipart,
      ),
    );
    probes.push(
      post(
        'multipart lat NaN',
        `${part('service_code', 'public_facility')}${part('lat', 'NaN')}${part('long', base.long)}--${boundary}--\r\n`,
        multipart,
      ),
    );
    probes.push(post('broken JSON', '{"lat":', { 'Content-Type': 'application/json' }));
    probes.push(post('JSON array', '[]', { 'Content-Type': 'application/json' }));
    probes.push(
      post('JSON NUL', JSON.stringify({ ...base, description: 'a\u0000' }), {
        'Content-Type': 'application/json',
      }),
    );
    probes.push(post('text/plain', 'lat=1', { 'Content-Type': 'text/plain' }));
    probes.push(post('enormous form (2 MiB)', `description=${'a'.repeat(2 * 1024 * 1024)}`, FORM));
    probes.push(post('form not UTF-8', formOf({ ...base, description: '%FF%FE' }), FORM));
  }
  return probes;
}

const TILE_FAULTS = [
  ['-1', '0', '0'],
  ['99', '0', '0'],
  ['NaN', '0', '0'],
  ['1.5', '0', '0'],
  ['0x1', '0', '0'],
  ['1', '2', '0'],
  ['1', '0', '-1'],
  ['1', '0', '99999999999999999999'],
  ['1e309', '0', '0'],
  ['Infinity', '0', '0'],
  ['%00', '0', '0'],
  ['0', '0', '%FF'],
  ['0', '0', '0.pbf'],
  ['0', '..%2F..', '0'],
];

function tiles(collections: string[]): Probe[] {
  const probes: Probe[] = [];
  for (const [z, x, y] of TILE_FAULTS) {
    probes.push(
      get(
        'GET /tiles/basemap/{z}/{x}/{y}',
        `tile ${z}/${x}/${y}`,
        `/tiles/basemap/${z}/${x}/${y}.mvt`,
      ),
    );
    for (const collection of collections) {
      probes.push(
        get(
          'GET /tiles/{collection}/{z}/{x}/{y}',
          `${collection} tile ${z}/${x}/${y}`,
          `/tiles/${collection}/${z}/${x}/${y}.mvt`,
        ),
      );
    }
  }
  for (const bad of [...SEGMENT_FAULTS, 'nosuch']) {
    probes.push(get('GET /tiles/{name}', `tilejson ${bad.slice(0, 30)}`, `/tiles/${bad}.json`));
    probes.push(
      get(
        'GET /tiles/{collection}/{z}/{x}/{y}',
        `collection ${bad.slice(0, 30)}`,
        `/tiles/${bad}/0/0/0.mvt`,
      ),
    );
  }
  probes.push(get('GET /tiles/basemap.json', 'NUL parameter', '/tiles/basemap.json?x=%00'));
  return probes;
}

function styles(): Probe[] {
  const probes = [...SEGMENT_FAULTS, 'nosuch.json', 'x.exe', '..%2F..%2Fpackage.json'].map((bad) =>
    get('GET /styles/{file}', `style ${bad.slice(0, 30)}`, `/styles/${bad}`),
  );
  probes.push(get('GET /styles', 'NUL parameter', '/styles?x=%00'));
  probes.push(get('GET /styles', 'bad percent-encoding', '/styles?x=%E0%A4%A'));
  return probes;
}

/** Malformed `Authorization` headers and a forged session cookie: 401 wherever they go. */
function credentials(): Probe[] {
  const headers = [
    'Bearer',
    'Bearer  ',
    'Basic Zm9vOmJhcg==',
    'Bearer a b',
    `Bearer ${'k'.repeat(8000)}`,
    'Bearer \u00e9\u00e9',
  ];
  const probes: Probe[] = [];
  for (const [route, target] of [
    ['GET /api/v1/auth/me', '/api/v1/auth/me'],
    ['GET /ogc/collections', '/ogc/collections'],
    ['GET /styles', '/styles'],
  ]) {
    for (const header of headers) {
      probes.push({
        route: route!,
        label: `Authorization: ${header.slice(0, 20)}`,
        method: 'GET',
        target: target!,
        auth: { header },
        status: 401,
      });
    }
  }
  probes.push({
    route: 'GET /api/v1/auth/me',
    label: 'forged session cookie',
    method: 'GET',
    target: '/api/v1/auth/me',
    auth: 'none',
    headers: { Cookie: 'yp_session=forged' },
    status: 401,
  });
  return probes;
}

/** Every hand-listed probe, with the routes they cover. */
export function otherSurfaceProbes(ctx: DrillContext): Probe[] {
  return [
    ...open311Gets(),
    ...open311Posts(ctx),
    ...tiles(Object.keys(ctx.featureIds)),
    ...styles(),
    ...credentials(),
  ];
}

/** The hand-listed routes, for the coverage count. */
export const OTHER_ROUTES = [
  'GET /open311/v2/discovery.{format}',
  'GET /open311/v2/services.{format}',
  'GET /open311/v2/services/{service_code}.{format}',
  'GET /open311/v2/requests.{format}',
  'GET /open311/v2/requests/{service_request_id}.{format}',
  'POST /open311/v2/requests.{format}',
  'GET /tiles/basemap.json',
  'GET /tiles/basemap/{z}/{x}/{y}',
  'GET /tiles/{name}',
  'GET /tiles/{collection}/{z}/{x}/{y}',
  'GET /styles',
  'GET /styles/{file}',
];
