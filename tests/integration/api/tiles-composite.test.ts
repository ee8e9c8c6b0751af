import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { tileAt } from '../../../api/domain/tile-math';
import { bearer, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

const db = useTestDatabase();
let key: string;
let address: string;

beforeAll(async () => {
  const codes = await areaCodes(db());
  key = (await makeKey(db(), 'api_consumer', [codes.district])).key;
  const result = await db().pool.query<{ lng: number; lat: number }>(
    `SELECT ST_X(p) AS lng, ST_Y(p) AS lat
       FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_areas WHERE code = $1) q`,
    [codes.district],
  );
  const t = tileAt([result.rows[0]!.lng, result.rows[0]!.lat], 14);
  address = `${t.z}/${t.x}/${t.y}`;
});

async function get(path: string) {
  const app = createTestApp(db(), { env: { YIPING_PUBLIC_URL: 'http://maps.example.test' } });
  return app.request(path, bearer(key));
}

async function layersOf(path: string): Promise<Record<string, string[]>> {
  const response = await get(path);
  expect(response.status).toBe(200);
  const tile = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer())));
  return Object.fromEntries(
    Object.entries(tile.layers).map(([name, layer]) => [
      name,
      Array.from({ length: layer.length }, (_, i) => String(layer.feature(i).properties.id)),
    ]),
  );
}

describe('composite tiles', () => {
  it('carry one layer per collection, in the order named, each as its own tile has it', async () => {
    const composite = await layersOf(`/tiles/grids,cameras/${address}.mvt`);
    expect(Object.keys(composite)).toEqual(['grids', 'cameras']);
    const grids = await layersOf(`/tiles/grids/${address}.mvt`);
    const cameras = await layersOf(`/tiles/cameras/${address}.mvt`);
    expect(composite.grids!.length).toBeGreaterThan(0);
    expect(composite.cameras!.length).toBeGreaterThan(0);
    expect(composite.grids).toEqual(grids.grids);
    expect(composite.cameras).toEqual(cameras.cameras);
  });

  it('are described by one TileJSON with a vector layer each and the union of zooms and bounds', async () => {
    const response = await get('/tiles/buildings,cameras.json');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.tiles).toEqual([
      'http://maps.example.test/tiles/buildings,cameras/{z}/{x}/{y}.mvt',
    ]);
    expect(body.vector_layers.map((layer: { id: string }) => layer.id)).toEqual([
      'buildings',
      'cameras',
    ]);
    expect(body.minzoom).toBe(10);
    expect(body.maxzoom).toBe(18);
    const cameras = await (await get('/tiles/cameras.json')).json();
    const [w, s, e, n] = body.bounds;
    expect(w).toBeLessThanOrEqual(cameras.bounds[0]);
    expect(s).toBeLessThanOrEqual(cameras.bounds[1]);
    expect(e).toBeGreaterThanOrEqual(cameras.bounds[2]);
    expect(n).toBeGreaterThanOrEqual(cameras.bounds[3]);
  });

  it('answer 404 for an unknown name, listing the tile sets there are', async () => {
    const response = await get(`/tiles/grids,parks/${address}.mvt`);
    expect(response.status).toBe(404);
    const message = (await response.json()).error.message;
    expect(message).toContain('parks');
    expect(message).toContain('cameras');
    expect(message).toContain('service-points');
  });

  it.each([
    ['a repeated name', `grids,grids`, 'twice'],
    ['an empty name', `grids,`, 'empty'],
    ['the basemap', `basemap,grids`, 'basemap'],
  ])('answer 400 for %s', async (_, set, words) => {
    for (const path of [`/tiles/${set}/${address}.mvt`, `/tiles/${set}.json`]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect((await response.json()).error.message).toContain(words);
    }
  });

  it('refuse a composite holding a collection the role may not read (403)', async () => {
    const response = await get(`/tiles/grids,incidents/${address}.mvt`);
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toContain('incidents:read');
  });
});
