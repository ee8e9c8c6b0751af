import { beforeAll, describe, expect, it } from 'vitest';
import { BASEMAP_LAYERS } from '../../../api/domain/tile-basemap';
import { bearer, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

const db = useTestDatabase();
let key: string;
let communityKey: string;
let community: string;

beforeAll(async () => {
  const codes = await areaCodes(db());
  community = codes.communities[0]!;
  key = (await makeKey(db(), 'api_consumer', [codes.district])).key;
  communityKey = (await makeKey(db(), 'api_consumer', [community])).key;
});

async function tileJson(path: string, k = key) {
  const app = createTestApp(db(), { env: { YIPING_PUBLIC_URL: 'http://maps.example.test' } });
  const response = await app.request(path, bearer(k));
  return { response, body: response.status === 200 ? await response.json() : null };
}

/** The extent of `sql` (rows with `geom`) as seen by the database owner. */
async function extentOf(sql: string, values: unknown[] = []) {
  const result = await db().pool.query<{ w: number; s: number; e: number; n: number }>(
    `SELECT ST_XMin(x) AS w, ST_YMin(x) AS s, ST_XMax(x) AS e, ST_YMax(x) AS n
       FROM (SELECT ST_Extent(geom) AS x FROM (${sql}) g) q`,
    values,
  );
  const row = result.rows[0]!;
  return [row.w, row.s, row.e, row.n];
}

describe('TileJSON', () => {
  it('describes a collection with absolute tile URLs under the public URL', async () => {
    const { response, body } = await tileJson('/tiles/grids.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('private');
    expect(body).toMatchObject({
      tilejson: '3.0.0',
      tiles: ['http://maps.example.test/tiles/grids/{z}/{x}/{y}.mvt'],
      minzoom: 11,
      maxzoom: 18,
    });
    expect(body.name).toContain('Grids');
    expect(body.center).toHaveLength(3);
  });

  it('lists the layer with its tile fields and types', async () => {
    const { body } = await tileJson('/tiles/members.json');
    expect(body.vector_layers).toHaveLength(1);
    const [layer] = body.vector_layers;
    expect(layer).toMatchObject({ id: 'members', minzoom: 10, maxzoom: 18 });
    expect(layer.description).toBeTruthy();
    expect(layer.fields).toMatchObject({
      id: 'String',
      name: 'String',
      on_duty: 'Boolean',
      position_at: 'String',
    });
    expect(layer.fields).not.toHaveProperty('phone');
    const { body: buildings } = await tileJson('/tiles/buildings.json');
    expect(buildings.vector_layers[0].fields).toMatchObject({ id: 'Number', floors: 'Number' });
  });

  it("bounds the data in the caller's scope", async () => {
    const { body } = await tileJson('/tiles/cameras.json', communityKey);
    const area = await extentOf('SELECT geom FROM admin_areas WHERE code = $1', [community]);
    const district = await extentOf('SELECT geom FROM admin_areas');
    const [w, s, e, n] = body.bounds;
    expect(w).toBeLessThanOrEqual(area[0]!);
    expect(s).toBeLessThanOrEqual(area[1]!);
    expect(e).toBeGreaterThanOrEqual(area[2]!);
    expect(n).toBeGreaterThanOrEqual(area[3]!);
    expect((e - w) * (n - s)).toBeLessThan(
      (district[2]! - district[0]!) * (district[3]! - district[1]!),
    );
  });

  it('falls back to the whole world when the caller sees nothing', async () => {
    const nowhere = (await makeKey(db(), 'api_consumer', [])).key;
    const { body } = await tileJson('/tiles/grids.json', nowhere);
    expect(body.bounds[0]).toBe(-180);
    expect(body.bounds[2]).toBe(180);
  });

  it('describes the basemap layers with their contracted fields and zooms', async () => {
    const { body } = await tileJson('/tiles/basemap.json');
    expect(body.tiles).toEqual(['http://maps.example.test/tiles/basemap/{z}/{x}/{y}.mvt']);
    expect(body.minzoom).toBe(0);
    expect(
      body.vector_layers.map((l: { id: string; minzoom: number; fields: object }) => [
        l.id,
        l.minzoom,
        l.fields,
      ]),
    ).toEqual(BASEMAP_LAYERS.map((l) => [l.id, l.minzoom, l.fields]));
  });

  it('refuses incidents to a role without incidents:read (403)', async () => {
    const { response } = await tileJson('/tiles/incidents.json');
    expect(response.status).toBe(403);
  });

  it('answers 404 for an unknown collection', async () => {
    const { response } = await tileJson('/tiles/parks.json');
    expect(response.status).toBe(404);
  });

  it('refuses anonymous callers (401)', async () => {
    const response = await createTestApp(db()).request('/tiles/basemap.json');
    expect(response.status).toBe(401);
  });
});
