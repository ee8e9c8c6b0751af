import { beforeAll, describe, expect, it } from 'vitest';
import { mercatorToLngLat } from '../../../api/domain/crs';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { getJson } from './support';

const db = useTestDatabase();
let key: string;
let code: string;

beforeAll(async () => {
  key = (await makeKey(db(), 'admin', [(await areaCodes(db())).district])).key;
  code = (await db().pool.query(`SELECT code FROM cameras ORDER BY code LIMIT 1`)).rows[0].code;
});

const EPSG = (n: number) => `http://www.opengis.net/def/crs/EPSG/0/${n}`;

async function camera(crs?: string) {
  const query = crs ? `?crs=${encodeURIComponent(crs)}` : '';
  const response = await createTestApp(db()).request(
    `/ogc/collections/cameras/items/${code}${query}`,
    {
      headers: { Authorization: `Bearer ${key}` },
    },
  );
  expect(response.status).toBe(200);
  return { crs: response.headers.get('content-crs'), body: await response.json() };
}

describe('OGC Part 2: CRS', () => {
  it('answers CRS84 (longitude, latitude) by default and says so in Content-Crs', async () => {
    const { crs, body } = await camera();
    expect(crs).toBe('<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
    const [lng, lat] = body.geometry.coordinates;
    expect(lng).toBeGreaterThan(lat);
  });

  it('swaps to latitude, longitude for EPSG:4326 and EPSG:4490, as those CRSs define', async () => {
    const [lng, lat] = (await camera()).body.geometry.coordinates;
    for (const srid of [4326, 4490]) {
      const { crs, body } = await camera(EPSG(srid));
      expect(crs).toBe(`<${EPSG(srid)}>`);
      expect(body.geometry.coordinates).toEqual([lat, lng]);
    }
  });

  it('projects to Web Mercator metres for EPSG:3857', async () => {
    const [lng, lat] = (await camera()).body.geometry.coordinates;
    const [x, y] = (await camera(EPSG(3857))).body.geometry.coordinates;
    const [backLng, backLat] = mercatorToLngLat(x, y);
    expect(backLng).toBeCloseTo(lng, 5);
    expect(backLat).toBeCloseTo(lat, 5);
  });

  it('reads bbox in the axis order of bbox-crs', async () => {
    const app = createTestApp(db());
    const { rows } = await db().pool.query(
      `SELECT ST_XMin(e) x0, ST_YMin(e) y0, ST_XMax(e) x1, ST_YMax(e) y1
       FROM (SELECT ST_Extent(geom) e FROM cameras) x`,
    );
    const { x0, y0, x1, y1 } = rows[0];
    const midX = (x0 + x1) / 2;
    const lngLat = await getJson(
      app,
      `/ogc/collections/cameras/items?bbox=${[x0, y0, midX, y1]}`,
      key,
    );
    const latLng = await getJson(
      app,
      `/ogc/collections/cameras/items?bbox=${[y0, x0, y1, midX]}&bbox-crs=${encodeURIComponent(EPSG(4326))}`,
      key,
    );
    expect(lngLat.numberMatched).toBeGreaterThan(0);
    expect(latLng.numberMatched).toBe(lngLat.numberMatched);
  });

  it('refuses an unsupported CRS with 400 listing the supported ones', async () => {
    const body = await getJson(
      createTestApp(db()),
      `/ogc/collections/cameras/items?crs=${encodeURIComponent(EPSG(2385))}`,
      key,
      400,
    );
    expect(body.description).toContain(EPSG(3857));
  });
});
