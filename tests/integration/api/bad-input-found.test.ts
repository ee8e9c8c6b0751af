import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, call, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

/** Malformed requests the bad-input drill found answered 200: each must be a 400 naming the field. */
const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let key: string;

beforeAll(async () => {
  app = createTestApp(db());
  key = (await makeKey(db(), 'admin', [(await areaCodes(db())).district])).key;
});

async function expect400(path: string, field: string) {
  const response = await call(app, path, bearer(key), '10.12.4.1');
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain(field);
}

describe('validation gaps found by the bad-input drill', () => {
  it('refuses an unknown f on a single OGC feature, as on the items list', async () => {
    const { rows } = await db().pool.query('SELECT code FROM grids LIMIT 1');
    await expect400(`/ogc/collections/grids/items/${rows[0].code}?f=nosuch`, 'f');
  });

  it('refuses a self-intersecting polygon in a CQL2 filter', async () => {
    const filter = encodeURIComponent('S_INTERSECTS(geom, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))');
    await expect400(`/ogc/collections/grids/items?filter=${filter}`, 'filter');
  });

  it('refuses site-suggestion candidates outside WGS84 ranges', async () => {
    const path = '/api/v1/analysis/site-suggestions?category=health_station&candidates=';
    await expect400(`${path}200,100%3B116.6,35.4`, 'candidates');
    await expect400(`${path}116.6,-91`, 'candidates');
  });
});
