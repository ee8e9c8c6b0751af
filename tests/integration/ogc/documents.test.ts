import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_IDS } from '../../../api/db/collections';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { getJson, type Json } from './support';

const db = useTestDatabase();
let admin: string;
let consumer: string;

beforeAll(async () => {
  const { district } = await areaCodes(db());
  admin = (await makeKey(db(), 'admin', [district])).key;
  consumer = (await makeKey(db(), 'api_consumer', [district])).key;
});

describe('OGC landing page, conformance and collections', () => {
  it('links the API description, conformance and collections from the landing page', async () => {
    const body = await getJson(createTestApp(db()), '/ogc', admin);
    const rels = body.links.map((link: Json) => link.rel);
    expect(rels).toEqual(expect.arrayContaining(['self', 'service-desc', 'conformance', 'data']));
    expect(body.links.every((link: Json) => link.href.startsWith('http://'))).toBe(true);
  });

  it('declares Parts 1–3 and CQL2 conformance classes', async () => {
    const body = await getJson(createTestApp(db()), '/ogc/conformance', admin);
    expect(body.conformsTo).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
        'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
        'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
        'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
      ]),
    );
  });

  it('lists every collection with extent, CRS list and items link', async () => {
    const body = await getJson(createTestApp(db()), '/ogc/collections', admin);
    expect(body.collections.map((c: Json) => c.id)).toEqual([...COLLECTION_IDS]);
    for (const collection of body.collections) {
      const [bbox] = collection.extent.spatial.bbox;
      expect(bbox[0]).toBeLessThan(bbox[2]);
      expect(collection.crs).toContain('http://www.opengis.net/def/crs/EPSG/0/3857');
      const items = collection.links.find((link: Json) => link.rel === 'items');
      expect(items.type).toBe('application/geo+json');
    }
    const incidents = body.collections.find((c: Json) => c.id === 'incidents');
    expect(incidents.extent.temporal.interval[0][0]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('leaves incidents out for a role that may not read them, and answers 403 for them', async () => {
    const app = createTestApp(db());
    const body = await getJson(app, '/ogc/collections', consumer);
    expect(body.collections.map((c: Json) => c.id)).not.toContain('incidents');
    await getJson(app, '/ogc/collections/incidents/items', consumer, 403);
  });

  it('describes queryables as JSON Schema, with code lists and the geometry', async () => {
    const response = await createTestApp(db()).request('/ogc/collections/incidents/queryables', {
      headers: { Authorization: `Bearer ${admin}` },
    });
    expect(response.headers.get('content-type')).toContain('application/schema+json');
    const body = await response.json();
    expect(body.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(body.properties.status.enum).toContain('reported');
    expect(body.properties.reported_at.format).toBe('date-time');
    expect(body.properties.geom.format).toBe('geometry-point');
  });

  it('serves its OpenAPI 3.0 description at /ogc/api', async () => {
    const response = await createTestApp(db()).request('/ogc/api', {
      headers: { Authorization: `Bearer ${admin}` },
    });
    expect(response.headers.get('content-type')).toContain('application/vnd.oai.openapi+json');
    const body = await response.json();
    expect(body.openapi).toMatch(/^3\.0\./);
  });

  it('requires a signed-in caller', async () => {
    const response = await createTestApp(db()).request('/ogc/collections');
    expect(response.status).toBe(401);
  });
});
