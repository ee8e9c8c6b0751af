import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROAD_CLASSES } from '../../../api/contract/codes';
import { BASEMAP_LAYERS, PATHS_MIN_ZOOM } from '../../../api/domain/tile-basemap';
import { tileAt } from '../../../api/domain/tile-math';
import { bearer, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

const db = useTestDatabase();
let key: string;
let codes: Awaited<ReturnType<typeof areaCodes>>;

beforeAll(async () => {
  codes = await areaCodes(db());
  key = (await makeKey(db(), 'api_consumer', [codes.district])).key;
});

/** A point on the surface of the first row `query` returns (its `geom`). */
async function pointIn(query: string, values: unknown[] = []): Promise<[number, number]> {
  const result = await db().pool.query<{ lng: number; lat: number }>(
    `SELECT ST_X(p) AS lng, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(geom) AS p FROM (${query}) g LIMIT 1) q`,
    values,
  );
  return [result.rows[0]!.lng, result.rows[0]!.lat];
}

async function basemapTile(point: [number, number], z: number) {
  const t = tileAt(point, z);
  const response = await createTestApp(db()).request(
    `/tiles/basemap/${t.z}/${t.x}/${t.y}.mvt`,
    bearer(key),
  );
  expect(response.status).toBe(200);
  return new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer())));
}

function propertiesOf(tile: VectorTile, layer: string) {
  const found = tile.layers[layer];
  if (!found) return [];
  return Array.from({ length: found.length }, (_, i) => found.feature(i).properties);
}

const fieldsOf = (id: string) => BASEMAP_LAYERS.find((layer) => layer.id === id)!.fields;

describe('basemap tiles', () => {
  it.each(['water', 'roads', 'buildings', 'boundaries'])(
    'carry %s with exactly the contracted fields',
    async (layer) => {
      const table = { water: 'water_areas', roads: 'roads', buildings: 'buildings' }[layer];
      const point = await pointIn(
        table ? `SELECT geom FROM ${table} ORDER BY id` : 'SELECT geom FROM admin_areas',
      );
      const features = propertiesOf(await basemapTile(point, 15), layer);
      expect(features.length).toBeGreaterThan(0);
      const fields = Object.keys(fieldsOf(layer)).sort();
      for (const properties of features) expect(Object.keys(properties).sort()).toEqual(fields);
    },
  );

  it('gives roads a class and a bridge flag, and water a kind', async () => {
    const tile = await basemapTile(await pointIn('SELECT geom FROM water_areas ORDER BY id'), 14);
    for (const road of propertiesOf(tile, 'roads')) {
      expect(ROAD_CLASSES).toContain(road.class);
      expect(typeof road.bridge).toBe('boolean');
    }
    for (const water of propertiesOf(tile, 'water'))
      expect(['river', 'lake']).toContain(water.kind);
  });

  it('carries compound lanes and footpaths from zoom 15 only', async () => {
    const point = await pointIn(`SELECT geom FROM roads WHERE class = 'path' ORDER BY id`);
    const classesAt = async (z: number) =>
      new Set(propertiesOf(await basemapTile(point, z), 'roads').map((road) => road.class));
    expect(await classesAt(PATHS_MIN_ZOOM)).toContain('path');
    expect(await classesAt(PATHS_MIN_ZOOM - 1)).not.toContain('path');
    expect((await classesAt(PATHS_MIN_ZOOM - 1)).size).toBeGreaterThan(0);
  });

  it('leaves buildings out below zoom 14', async () => {
    const point = await pointIn('SELECT geom FROM buildings ORDER BY id');
    expect(propertiesOf(await basemapTile(point, 14), 'buildings').length).toBeGreaterThan(0);
    expect((await basemapTile(point, 13)).layers.buildings).toBeUndefined();
  });

  it('labels only the district below zoom 11', async () => {
    const point = await pointIn('SELECT geom FROM admin_areas WHERE code = $1', [codes.district]);
    const places = propertiesOf(await basemapTile(point, 10), 'places');
    expect(places.map((p) => [p.code, p.level])).toEqual([[codes.district, 'district']]);
  });

  it('labels streets from zoom 11 and communities from zoom 13', async () => {
    const point = await pointIn('SELECT geom FROM admin_areas WHERE code = $1', [
      codes.communities[0],
    ]);
    const levelsAt = async (z: number) =>
      new Set(propertiesOf(await basemapTile(point, z), 'places').map((p) => p.level));
    expect(await levelsAt(12)).not.toContain('community');
    expect(await levelsAt(13)).toContain('community');
    const street = await pointIn('SELECT geom FROM admin_areas WHERE code = $1', [codes.street]);
    const streetLevels = new Set(
      propertiesOf(await basemapTile(street, 11), 'places').map((p) => p.level),
    );
    expect(streetLevels).toContain('street');
  });

  it('shows a community-scoped key all roads but only its own boundaries', async () => {
    const community = codes.communities[0]!;
    const scoped = (await makeKey(db(), 'api_consumer', [community])).key;
    const t = tileAt(
      await pointIn('SELECT geom FROM admin_areas WHERE code = $1', [community]),
      12,
    );
    const path = `/tiles/basemap/${t.z}/${t.x}/${t.y}.mvt`;
    const decode = async (k: string) => {
      const response = await createTestApp(db()).request(path, bearer(k));
      return new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer())));
    };
    const [mine, everyone] = [await decode(scoped), await decode(key)];
    expect(mine.layers.roads?.length).toBe(everyone.layers.roads?.length);
    expect(propertiesOf(mine, 'boundaries').map((p) => p.code)).toEqual([community]);
  });
});
