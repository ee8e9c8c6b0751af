import { VectorTile } from '@mapbox/vector-tile';
import { Hono } from 'hono';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { callerLookup } from '../../../api/db/credentials';
import { scopedRunner } from '../../../api/db/scoped';
import type { TileEncoder } from '../../../api/db/tiles';
import { tileAt } from '../../../api/domain/tile-math';
import { authenticate } from '../../../api/http/authenticate';
import type { AppEnv } from '../../../api/http/env';
import { tileRoutes } from '../../../api/tiles/routes';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

const db = useTestDatabase();
let key: string;
let center: [number, number];
let mvt = false;

beforeAll(async () => {
  const codes = await areaCodes(db());
  key = (await makeKey(db(), 'admin', [codes.district])).key;
  const result = await db().pool.query<{ lng: number; lat: number }>(
    `SELECT ST_X(p) AS lng, ST_Y(p) AS lat
       FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_areas WHERE code = $1) q`,
    [codes.district],
  );
  center = [result.rows[0]!.lng, result.rows[0]!.lat];
  mvt = db().capabilities.mvt;
});

/** Just the tile routes with a forced encoder, behind the real authentication. */
function tilesWith(encoder: TileEncoder) {
  const app = new Hono<AppEnv>();
  app.use(authenticate(callerLookup(db().pool), { now: () => new Date('2026-06-01T08:00:00Z') }));
  app.route('/tiles', tileRoutes({ scoped: scopedRunner(db().pool), encoder }));
  return app;
}

/** A decoded tile as comparable data: layer → sorted features (type, properties, geometry). */
async function decodedTile(encoder: TileEncoder, path: string) {
  const response = await tilesWith(encoder).request(path, bearer(key));
  expect(response.status).toBe(200);
  const tile = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer())));
  return Object.fromEntries(
    Object.entries(tile.layers).map(([name, layer]) => {
      const features = Array.from({ length: layer.length }, (_, i) => {
        const feature = layer.feature(i);
        const geometry = feature.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y]));
        return JSON.stringify([feature.type, sortedEntries(feature.properties), geometry]);
      });
      return [name, { extent: layer.extent, version: layer.version, features: features.sort() }];
    }),
  );
}

const sortedEntries = (record: Record<string, unknown>) =>
  Object.entries(record).sort(([a], [b]) => a.localeCompare(b));

const bearer = (value: string) => ({ headers: { Authorization: `Bearer ${value}` } });

const tilePath = (set: string, z: number) => {
  const t = tileAt(center, z);
  return `/tiles/${set}/${t.z}/${t.x}/${t.y}.mvt`;
};

describe('tile encoders', () => {
  it('JS encoder serves a decodable tile on any database', async () => {
    const tile = await decodedTile('js', tilePath('grids', 14));
    expect(tile.grids?.features.length).toBeGreaterThan(0);
  });

  it.skipIf(inject('databaseKind') !== 'server')(
    'ST_AsMVT and the JS encoder produce the same tiles (server only: the embedded PostGIS has no ST_AsMVT)',
    async ({ skip }) => {
      skip(!mvt, 'this PostGIS server was built without protobuf: it has no ST_AsMVT either');
      const paths = [
        tilePath('grids', 14),
        tilePath('cameras', 14),
        tilePath('members', 12),
        tilePath('incidents', 11),
        tilePath('roads', 13),
        tilePath('admin-areas', 10),
        tilePath('buildings', 15),
        tilePath('service-points', 13),
        tilePath('basemap', 14),
        tilePath('basemap', 11),
        tilePath('basemap', 5),
      ];
      for (const path of paths) {
        const [postgis, js] = [await decodedTile('postgis', path), await decodedTile('js', path)];
        expect(Object.keys(postgis).length, path).toBeGreaterThan(0);
        expect(js, path).toEqual(postgis);
      }
    },
  );
});
