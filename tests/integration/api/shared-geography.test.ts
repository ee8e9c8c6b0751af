import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { tileAt } from '../../../api/domain/tile-math';
import { bearer, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

/**
 * The README's exception to area scopes: the street network and water (the `roads` collection
 * and the basemap's `roads` and `water` layers) are public geography shared with every signed-in
 * caller; every other layer, the basemap's buildings and admin areas included, stays in scope.
 */
const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let key: string;
/** A road at least 1 km from the caller's community, and its midpoint. */
let road: { id: string; lng: number; lat: number };

beforeAll(async () => {
  app = createTestApp(db());
  const [community] = (await areaCodes(db())).communities;
  key = (await makeKey(db(), 'api_consumer', [community!])).key;
  const far = await db().pool.query<{ id: string; lng: number; lat: number }>(
    `SELECT r.id::text AS id, ST_X(ST_LineInterpolatePoint(r.geom, 0.5)) AS lng,
            ST_Y(ST_LineInterpolatePoint(r.geom, 0.5)) AS lat
       FROM roads r, admin_areas c
      WHERE c.code = $1 AND r.class <> 'path'
        AND NOT ST_DWithin(r.geom::geography, c.geom::geography, 1000)
      ORDER BY r.id LIMIT 1`,
    [community],
  );
  road = far.rows[0]!;
});

/** The number of features per layer of the tile holding the road's midpoint (204: none). */
async function tile(path: string, z: number) {
  const t = tileAt([road.lng, road.lat], z);
  const response = await app.request(`/tiles/${path}/${t.z}/${t.x}/${t.y}.mvt`, bearer(key));
  expect([200, 204]).toContain(response.status);
  const tile = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer())));
  return (layer: string) => tile.layers[layer]?.length ?? 0;
}

async function ogcItems(collection: string) {
  const d = 0.003;
  const bbox = [road.lng - d, road.lat - d, road.lng + d, road.lat + d].join(',');
  const response = await app.request(
    `/ogc/collections/${collection}/items?bbox=${bbox}&limit=50`,
    bearer(key),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { features: { id: unknown }[] }).features;
}

describe('roads and the basemap are shared; everything else stays in scope', () => {
  it('serves a community-scoped caller roads outside its scope from the roads collection', async () => {
    const one = await app.request(`/ogc/collections/roads/items/${road.id}`, bearer(key));
    expect(one.status).toBe(200);
    expect((await ogcItems('roads')).map((f) => String(f.id))).toContain(road.id);
    expect((await tile('roads', 16))('roads')).toBeGreaterThan(0);
  });

  it('draws roads outside the scope on the basemap, but not its buildings or admin areas', async () => {
    const count = await tile('basemap', 16);
    expect(count('roads')).toBeGreaterThan(0);
    expect({ buildings: count('buildings'), boundaries: count('boundaries') }).toEqual({
      buildings: 0,
      boundaries: 0,
    });
    expect(count('places')).toBe(0);
  });

  it('still gives nothing outside the scope from the other layers there', async () => {
    for (const collection of ['buildings', 'grids', 'cameras', 'service-points', 'admin-areas']) {
      expect({ collection, features: await ogcItems(collection) }).toEqual({
        collection,
        features: [],
      });
      expect({ collection, tile: (await tile(collection, 16))(collection) }).toEqual({
        collection,
        tile: 0,
      });
    }
    const district = await db().pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM buildings
        WHERE ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, 150)`,
      [road.lng, road.lat],
    );
    expect(district.rows[0]!.n).toBeGreaterThan(0);
  });
});
