import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { tileAt } from '../../../api/domain/tile-math';
import { bearer, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

const db = useTestDatabase();
let districtKey: string;
let communityKey: string;
let community: string;
let address: string;

beforeAll(async () => {
  const codes = await areaCodes(db());
  community = codes.communities[1]!;
  districtKey = (await makeKey(db(), 'api_consumer', [codes.district])).key;
  communityKey = (await makeKey(db(), 'api_consumer', [community])).key;
  const result = await db().pool.query<{ lng: number; lat: number }>(
    `SELECT ST_X(p) AS lng, ST_Y(p) AS lat
       FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_areas WHERE code = $1) q`,
    [community],
  );
  const t = tileAt([result.rows[0]!.lng, result.rows[0]!.lat], 13);
  address = `${t.z}/${t.x}/${t.y}`;
});

/** One app for the whole test, so its tile cache lives across requests. */
function client() {
  const app = createTestApp(db());
  return (path: string, key: string, headers: Record<string, string> = {}) =>
    app.request(path, { headers: { ...bearer(key).headers, ...headers } });
}

async function featuresOf(response: Response, layer: string) {
  expect(response.status).toBe(200);
  const tile = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer())));
  const found = tile.layers[layer];
  return Array.from({ length: found?.length ?? 0 }, (_, i) => found!.feature(i).properties);
}

describe('tile cache', () => {
  it('serves the new data and a new ETag as soon as a cached layer changes', async () => {
    const get = client();
    const path = `/tiles/grids/${address}.mvt`;
    const first = await get(path, districtKey);
    const etag = first.headers.get('etag')!;
    const grid = String((await featuresOf(first, 'grids'))[0]!.code);
    expect((await get(path, districtKey, { 'If-None-Match': etag })).status).toBe(304);
    const original = await db().pool.query<{ name: string }>(
      'SELECT name FROM grids WHERE code = $1',
      [grid],
    );
    await db().pool.query(`UPDATE grids SET name = name || '（改）' WHERE code = $1`, [grid]);
    try {
      const changed = await get(path, districtKey, { 'If-None-Match': etag });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      const names = (await featuresOf(changed, 'grids')).map((p) => p.name);
      expect(names).toContain(`${original.rows[0]!.name}（改）`);
    } finally {
      await db().pool.query('UPDATE grids SET name = $2 WHERE code = $1', [
        grid,
        original.rows[0]!.name,
      ]);
    }
    expect((await get(path, districtKey)).headers.get('etag')).toBe(etag);
  });

  it("never serves one caller's cached rows to another", async () => {
    const get = client();
    for (const set of ['cameras', 'grids,cameras', 'basemap']) {
      const path = `/tiles/${set}/${address}.mvt`;
      const wide = await get(path, districtKey);
      const layer = set === 'basemap' ? 'boundaries' : 'cameras';
      const wideCodes = (await featuresOf(wide, layer)).map((p) =>
        String(p.community_code ?? p.code),
      );
      expect(
        wideCodes.some((code) => !code.startsWith(community)),
        set,
      ).toBe(true);
      const narrow = await featuresOf(await get(path, communityKey), layer);
      expect(narrow.length, set).toBeGreaterThan(0);
      for (const properties of narrow) {
        const code = String(properties.community_code ?? properties.code);
        expect(
          code.startsWith(community) || community.startsWith(code.replace(/0+$/, '')),
          set,
        ).toBe(true);
      }
    }
  });

  it('serves the same bytes from the cache as it rendered, gzipped or not', async () => {
    const get = client();
    const path = `/tiles/grids,cameras/${address}.mvt`;
    const rendered = new Uint8Array(await (await get(path, districtKey)).arrayBuffer());
    const cached = new Uint8Array(await (await get(path, districtKey)).arrayBuffer());
    expect(cached).toEqual(rendered);
    const zipped = await get(path, districtKey, { 'Accept-Encoding': 'gzip' });
    const again = await get(path, districtKey, { 'Accept-Encoding': 'gzip' });
    expect(again.headers.get('etag')).toBe(zipped.headers.get('etag'));
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(
      new Uint8Array(await zipped.arrayBuffer()),
    );
  });
});
