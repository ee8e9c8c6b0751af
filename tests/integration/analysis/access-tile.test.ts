import { VectorTile } from '@mapbox/vector-tile';
import type { Point } from 'geojson';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { tileAt } from '../../../api/domain/tile-math';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { send } from '../incidents/support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let planner: string;

interface Building {
  geometry: { coordinates: [number, number] };
  properties: { id: number; distanceM: number | null; covered: boolean };
}

beforeAll(async () => {
  app = createTestApp(db());
  planner = (await makeKey(db(), 'planner', [(await areaCodes(db())).district])).key;
});

describe('walking distance as a vector tile', () => {
  it('carries each building of the tile with the distance the GeoJSON gives', async () => {
    const query = 'category=kindergarten&distance=500';
    const geojson = await send(app, 'GET', `/api/v1/analysis/coverage/buildings?${query}`, planner);
    const buildings = ((await geojson.json()) as { features: Building[] }).features;
    const tile = tileAt(buildings[0]!.geometry.coordinates, 14);
    const response = await send(
      app,
      'GET',
      `/api/v1/analysis/coverage/tiles/${tile.z}/${tile.x}/${tile.y}.mvt?${query}`,
      planner,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const layer = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer()))).layers
      .walking_distance!;
    const byId = new Map(buildings.map((b) => [b.properties.id, b.properties]));
    const inTile = buildings.filter((b) => {
      const at = tileAt(b.geometry.coordinates, 14);
      return at.x === tile.x && at.y === tile.y;
    });
    expect(layer.length).toBeGreaterThanOrEqual(inTile.length);
    for (let i = 0; i < layer.length; i++) {
      const feature = layer.feature(i);
      const expected = byId.get(feature.properties.id as number)!;
      expect(feature.properties.covered).toBe(expected.covered);
      if (expected.distanceM === null) expect(feature.properties.distance_m).toBeUndefined();
      else
        expect(
          Math.abs((feature.properties.distance_m as number) - expected.distanceM),
        ).toBeLessThanOrEqual(0.55);
      const [lng, lat] = (feature.toGeoJSON(tile.x, tile.y, tile.z).geometry as Point).coordinates;
      const [elng, elat] = buildings.find((b) => b.properties.id === feature.properties.id)!
        .geometry.coordinates;
      expect(Math.abs(lng! - elng)).toBeLessThan(1e-4);
      expect(Math.abs(lat! - elat)).toBeLessThan(1e-4);
    }
  });
});
