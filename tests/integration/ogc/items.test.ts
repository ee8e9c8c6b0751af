import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { collectPages, getJson, type Json } from './support';

const db = useTestDatabase();
let key: string;
const items = (collection: string, query = '') => `/ogc/collections/${collection}/items${query}`;

beforeAll(async () => {
  key = (await makeKey(db(), 'admin', [(await areaCodes(db())).district])).key;
});

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const result = await db().pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${sql}`,
    params,
  );
  return result.rows[0]!.n;
}

/** The south-west quarter of a table's extent, as [minLng, minLat, maxLng, maxLat]. */
async function southWestQuarter(table: string): Promise<number[]> {
  const { rows } = await db().pool.query(
    `SELECT ST_XMin(e) x0, ST_YMin(e) y0, (ST_XMin(e) + ST_XMax(e)) / 2 x1, (ST_YMin(e) + ST_YMax(e)) / 2 y1
     FROM (SELECT ST_Extent(geom) e FROM ${table}) x`,
  );
  return [rows[0].x0, rows[0].y0, rows[0].x1, rows[0].y1].map((n) => Math.round(n * 1e4) / 1e4);
}

describe('OGC items', () => {
  it('returns GeoJSON with numberMatched equal to the table and up to 1,000 items by default', async () => {
    const response = await createTestApp(db()).request(items('grids'), {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(response.headers.get('content-type')).toContain('application/geo+json');
    const body = await response.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.numberMatched).toBe(await count('grids'));
    expect(body.numberReturned).toBe(Math.min(1000, body.numberMatched));
    expect(body.features).toHaveLength(body.numberReturned);
    expect(body.numberReturned).toBeGreaterThan(10);
    expect(body.features[0].geometry.type).toBe('Polygon');
    expect(body.features[0].id).toMatch(/^\d{15}$/);
  });

  it('compresses items for clients that accept gzip', async () => {
    const response = await createTestApp(db()).request(items('grids', '?limit=100'), {
      headers: { Authorization: `Bearer ${key}`, 'Accept-Encoding': 'gzip' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
  });

  it('clamps a limit above 10,000 instead of refusing it', async () => {
    const body = await getJson(createTestApp(db()), items('buildings', '?limit=1000000'), key);
    expect(body.numberReturned).toBe(Math.min(10_000, await count('buildings')));
  });

  it('refuses a limit that is not a positive integer', async () => {
    const body = await getJson(createTestApp(db()), items('grids', '?limit=0'), key, 400);
    expect(body.description).toContain('limit');
  });

  it('refuses unknown query parameters with 400 naming them', async () => {
    const body = await getJson(createTestApp(db()), items('admin-areas', '?colour=red'), key, 400);
    expect(body.code).toBe('InvalidParameterValue');
    expect(body.error.code).toBe('invalid_request');
    expect(body.description).toContain('colour');
  });

  it('filters by a main attribute and refuses a value outside its code list', async () => {
    const app = createTestApp(db());
    const body = await getJson(app, items('cameras', '?status=offline&limit=10000'), key);
    expect(body.numberMatched).toBe(await count(`cameras WHERE status = 'offline'`));
    expect(body.features.every((f: Json) => f.properties.status === 'offline')).toBe(true);
    const bad = await getJson(app, items('cameras', '?status=broken'), key, 400);
    expect(bad.description).toContain('online');
  });

  it('returns only the chosen properties', async () => {
    const body = await getJson(
      createTestApp(db()),
      items('grids', '?properties=name,households'),
      key,
    );
    expect(Object.keys(body.features[0].properties).sort()).toEqual(['households', 'name']);
  });

  it('filters by bbox with the features that intersect it', async () => {
    const bbox = await southWestQuarter('cameras');
    const body = await getJson(
      createTestApp(db()),
      items('cameras', `?bbox=${bbox}&limit=10000`),
      key,
    );
    const expected = await count(
      'cameras WHERE ST_Intersects(geom, ST_MakeEnvelope($1,$2,$3,$4,4326))',
      bbox,
    );
    expect(body.numberMatched).toBe(expected);
    for (const feature of body.features) {
      const [lng, lat] = feature.geometry.coordinates;
      expect(lng >= bbox[0]! && lng <= bbox[2]! && lat >= bbox[1]! && lat <= bbox[3]!).toBe(true);
    }
  });

  it('filters incidents by datetime instants and open intervals', async () => {
    const app = createTestApp(db());
    const [row] = (await db().pool.query(`SELECT reported_at FROM incidents ORDER BY id LIMIT 1`))
      .rows;
    const instant = new Date(row.reported_at).toISOString();
    const exact = await getJson(app, items('incidents', `?datetime=${instant}&limit=10000`), key);
    expect(exact.numberMatched).toBe(await count('incidents WHERE reported_at = $1', [instant]));
    const after = await getJson(app, items('incidents', `?datetime=${instant}/..`), key);
    expect(after.numberMatched).toBe(await count('incidents WHERE reported_at >= $1', [instant]));
    const before = await getJson(app, items('incidents', `?datetime=../${instant}`), key);
    expect(before.numberMatched).toBe(await count('incidents WHERE reported_at <= $1', [instant]));
  });

  it('refuses a malformed datetime and datetime on a collection without time', async () => {
    const app = createTestApp(db());
    expect(
      (await getJson(app, items('incidents', '?datetime=yesterday'), key, 400)).description,
    ).toContain('datetime');
    await getJson(app, items('grids', '?datetime=2026-06-01'), key, 400);
  });

  it('answers one feature by id and 404 naming a missing feature or collection', async () => {
    const app = createTestApp(db());
    const [grid] = (await db().pool.query(`SELECT code FROM grids ORDER BY code LIMIT 1`)).rows;
    const feature = await getJson(app, `/ogc/collections/grids/items/${grid.code}`, key);
    expect(feature).toMatchObject({ type: 'Feature', id: grid.code });
    expect(feature.links.map((l: Json) => l.rel)).toEqual(['self', 'collection']);
    const missing = await getJson(app, '/ogc/collections/grids/items/999999999999999', key, 404);
    expect(missing.description).toContain('999999999999999');
    const noCollection = await getJson(app, '/ogc/collections/parks/items', key, 404);
    expect(noCollection.description).toContain('parks');
  });

  it('pages through a whole collection with next links, each feature once', async () => {
    const features = await collectPages(createTestApp(db()), items('grids', '?limit=7'), key);
    const ids = features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(await count('grids'));
  });

  it('walks back with prev links to the same items', async () => {
    const app = createTestApp(db());
    const first = await getJson(app, items('service-points', '?limit=5'), key);
    expect(first.links.some((l: Json) => l.rel === 'prev')).toBe(false);
    const nextHref = new URL(first.links.find((l: Json) => l.rel === 'next').href);
    const second = await getJson(app, nextHref.pathname + nextHref.search, key);
    const prevHref = new URL(second.links.find((l: Json) => l.rel === 'prev').href);
    const back = await getJson(app, prevHref.pathname + prevHref.search, key);
    expect(back.features.map((f: Json) => f.id)).toEqual(first.features.map((f: Json) => f.id));
  });

  it('refuses a forged paging token', async () => {
    await getJson(createTestApp(db()), items('grids', '?cursor=not-a-token'), key, 400);
  });
});
