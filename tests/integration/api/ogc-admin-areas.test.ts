import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

const db = useTestDatabase();
let key: string;

beforeAll(async () => {
  key = (await makeKey(db(), 'api_consumer', [(await areaCodes(db())).district])).key;
});

describe('OGC admin-areas items', () => {
  it('returns the district and its streets as GeoJSON', async () => {
    const response = await createTestApp(db()).request(
      '/ogc/collections/admin-areas/items?level=street&limit=100',
      bearer(key),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/geo+json');
    const body = await response.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length).toBeGreaterThan(0);
    for (const feature of body.features) {
      expect(feature.properties.level).toBe('street');
      expect(feature.geometry.type).toBe('MultiPolygon');
      expect(feature.id).toMatch(/^\d{12}$/);
    }
  });

  it('clamps a limit above the maximum instead of refusing it', async () => {
    const response = await createTestApp(db()).request(
      '/ogc/collections/admin-areas/items?limit=1000000',
      bearer(key),
    );
    expect(response.status).toBe(200);
  });

  it('refuses unknown query parameters with 400 naming them', async () => {
    const response = await createTestApp(db()).request(
      '/ogc/collections/admin-areas/items?colour=red',
      bearer(key),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid_request');
    expect(JSON.stringify(body.error.issues)).toContain('colour');
  });
});
