import { VectorTile } from '@mapbox/vector-tile';
import gcoord from 'gcoord';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { tileAt } from '../../../api/domain/tile-math';
import { bearer, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

const db = useTestDatabase();
let key: string;
let street: string;
let centre: [number, number];

beforeAll(async () => {
  const codes = await areaCodes(db());
  street = codes.street;
  key = (await makeKey(db(), 'api_consumer', [codes.district])).key;
  const result = await db().pool.query<{ lng: number; lat: number }>(
    `SELECT ST_X(p) AS lng, ST_Y(p) AS lat
       FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_areas WHERE code = $1) q`,
    [street],
  );
  centre = [result.rows[0]!.lng, result.rows[0]!.lat];
});

const toGcj = (p: [number, number]) =>
  gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as [number, number];

function namesIn(tile: VectorTile, layer: string): unknown[] {
  const found = tile.layers[layer];
  return Array.from({ length: found?.length ?? 0 }, (_, i) => found!.feature(i).properties.name);
}

describe('imported roads and water in our basemap tiles', () => {
  it('are drawn by /tiles/basemap as soon as they are inserted (the tile version moves)', async () => {
    const app = createTestApp(db());
    // The shifted tile is addressed where the shifted features are (GCJ-02 moves them ~500 m).
    const tiles = { '': tileAt(centre, 15), '?crs=gcj02': tileAt(toGcj(centre), 15) };
    const get = async (query: keyof typeof tiles = '') => {
      const t = tiles[query];
      const response = await app.request(
        `/tiles/basemap/${t.z}/${t.x}/${t.y}.mvt${query}`,
        bearer(key),
      );
      expect(response.status).toBe(200);
      return new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer())));
    };
    // Cached before the import, in both CRSs.
    expect(namesIn(await get(), 'roads')).not.toContain('导入测试路 Imported road');
    await get('?crs=gcj02');
    const [lng, lat] = centre;
    const d = 0.0005;
    const road = await db().pool.query<{ id: string }>(
      `INSERT INTO roads (name, class, bridge, street_code, geom)
       VALUES ('导入测试路 Imported road', 'street', false, $1,
               ST_SetSRID(ST_MakeLine(ST_MakePoint($2, $3), ST_MakePoint($4, $5)), 4326))
       RETURNING id`,
      [street, lng - d, lat, lng + d, lat],
    );
    const water = await db().pool.query<{ id: string }>(
      `INSERT INTO water_areas (name, kind, geom)
       VALUES ('导入测试湖 Imported lake', 'lake', ST_MakeEnvelope($1, $2, $3, $4, 4326)) RETURNING id`,
      [lng - d, lat + d, lng + d, lat + 2 * d],
    );
    try {
      for (const query of ['', '?crs=gcj02'] as const) {
        const tile = await get(query);
        expect(namesIn(tile, 'roads'), query).toContain('导入测试路 Imported road');
        expect(namesIn(tile, 'water'), query).toContain('导入测试湖 Imported lake');
      }
    } finally {
      await db().pool.query('DELETE FROM roads WHERE id = $1', [road.rows[0]!.id]);
      await db().pool.query('DELETE FROM water_areas WHERE id = $1', [water.rows[0]!.id]);
    }
  });
});
