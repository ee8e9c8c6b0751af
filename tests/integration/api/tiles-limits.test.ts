import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../../api/db/collections';
import { withScope } from '../../../api/db/scoped';
import { renderTile, type TileEncoder } from '../../../api/db/tiles';
import { collectionTileLayer } from '../../../api/db/tiles-layers';
import type { Principal } from '../../../api/domain/principal';
import { tileAt, type TileAddress } from '../../../api/domain/tile-math';
import { useTestDatabase } from '../support/db';
import { areaCodes } from '../support/identities';

const db = useTestDatabase();
let principal: Principal;
let tile: TileAddress;

beforeAll(async () => {
  const codes = await areaCodes(db());
  principal = {
    kind: 'api_key',
    id: 0,
    name: 'tiles-test',
    role: 'api_consumer',
    scopes: [codes.district],
  };
  const result = await db().pool.query<{ lng: number; lat: number }>(
    `SELECT ST_X(p) AS lng, ST_Y(p) AS lat
       FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_areas WHERE code = $1) q`,
    [codes.district],
  );
  tile = tileAt([result.rows[0]!.lng, result.rows[0]!.lat], 12);
});

/** Camera codes in the tile, in the order the tile holds them. */
async function cameraCodes(encoder: TileEncoder, maxFeatures?: number) {
  const layer = { ...collectionTileLayer(COLLECTIONS.cameras), maxFeatures };
  const bytes = await withScope(db().pool, principal, (client) =>
    renderTile(client, [layer], tile, encoder),
  );
  const decoded = new VectorTile(new PbfReader(bytes)).layers.cameras!;
  return Array.from({ length: decoded.length }, (_, i) =>
    String(decoded.feature(i).properties.code),
  );
}

const encoders = (): TileEncoder[] => (db().capabilities.mvt ? ['js', 'postgis'] : ['js']);

describe('per-layer feature limit', () => {
  it('keeps the first features in key order and drops the rest', async () => {
    for (const encoder of encoders()) {
      const all = await cameraCodes(encoder);
      expect(all.length).toBeGreaterThan(5);
      const firstFive = [...all].sort().slice(0, 5);
      expect((await cameraCodes(encoder, 5)).sort(), encoder).toEqual(firstFive);
    }
  });
});
