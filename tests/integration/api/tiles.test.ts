import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { tileAt, type TileAddress } from '../../../api/domain/tile-math';
import { bearer, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

const db = useTestDatabase();
let districtKey: string;
let communityKey: string;
let community: string;
let center: [number, number];

beforeAll(async () => {
  const codes = await areaCodes(db());
  community = codes.communities[1]!;
  districtKey = (await makeKey(db(), 'api_consumer', [codes.district])).key;
  communityKey = (await makeKey(db(), 'api_consumer', [community])).key;
  center = await pointOnSurface(`SELECT geom FROM admin_areas WHERE code = '${codes.district}'`);
});

async function pointOnSurface(geomQuery: string): Promise<[number, number]> {
  const result = await db().pool.query<{ lng: number; lat: number }>(
    `SELECT ST_X(p) AS lng, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(geom) AS p FROM (${geomQuery}) g) q`,
  );
  const row = result.rows[0]!;
  return [row.lng, row.lat];
}

async function fetchTile(path: string, key: string) {
  const response = await createTestApp(db()).request(path, bearer(key));
  const bytes = response.status === 200 ? new Uint8Array(await response.arrayBuffer()) : null;
  return { response, tile: bytes ? new VectorTile(new PbfReader(bytes)) : null };
}

function featuresOf(tile: VectorTile | null, layer: string) {
  const found = tile?.layers[layer];
  if (!found) return [];
  return Array.from({ length: found.length }, (_, i) => found.feature(i));
}

/** Rows of `table` whose geometry meets the tile's envelope grown by `marginPx` tile pixels. */
async function rowsInTile(table: string, column: string, t: TileAddress, marginPx: number) {
  const result = await db().pool.query<{ key: string }>(
    `SELECT ${column}::text AS key FROM ${table}
      WHERE ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope($1, $2, $3, margin => $4))`,
    [t.z, t.x, t.y, marginPx / 4096],
  );
  return new Set(result.rows.map((row) => row.key));
}

/** The MVT spec's surveyor's formula in tile coordinates: positive for an exterior ring. */
const surveyorArea = (ring: { x: number; y: number }[]) =>
  ring.reduce((sum, p, i) => {
    const q = ring[(i + 1) % ring.length]!;
    return sum + p.x * q.y - q.x * p.y;
  }, 0) / 2;

const path = (collection: string, t: TileAddress) =>
  `/tiles/${collection}/${t.z}/${t.x}/${t.y}.mvt`;

describe('collection tiles', () => {
  it('serve every camera within the buffered tile, with its tile properties', async () => {
    const t = tileAt(center, 14);
    const { response, tile } = await fetchTile(path('cameras', t), districtKey);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const features = featuresOf(tile, 'cameras');
    const expected = await rowsInTile('cameras', 'code', t, 64);
    expect(expected.size).toBeGreaterThan(0);
    expect(new Set(features.map((f) => f.properties.code))).toEqual(expected);
    const sample = features[0]!;
    expect(sample.type).toBe(1);
    expect(sample.properties.id).toBe(sample.properties.code);
    expect(Object.keys(sample.properties).sort()).toEqual([
      'code',
      'community_code',
      'fov',
      'heading',
      'id',
      'kind',
      'name',
      'range_m',
      'status',
      'street_code',
    ]);
  });

  it('carry the same property values as the table', async () => {
    const t = tileAt(center, 14);
    const { tile } = await fetchTile(path('cameras', t), districtKey);
    const feature = featuresOf(tile, 'cameras')[0]!;
    const row = await db().pool.query(
      'SELECT name, kind, heading, fov, range_m, status FROM cameras WHERE code = $1',
      [feature.properties.code],
    );
    expect(feature.properties).toMatchObject(row.rows[0]!);
  });

  it('serve the grids that meet the tile as polygons, and none beyond its buffer', async () => {
    const t = tileAt(center, 14);
    const { tile } = await fetchTile(path('grids', t), districtKey);
    const codes = new Set(featuresOf(tile, 'grids').map((f) => String(f.properties.code)));
    const inside = await rowsInTile('grids', 'code', t, 0);
    const buffered = await rowsInTile('grids', 'code', t, 64);
    expect(inside.size).toBeGreaterThan(0);
    for (const code of inside) expect(codes).toContain(code);
    for (const code of codes) expect(buffered).toContain(code);
    for (const feature of featuresOf(tile, 'grids')) expect(feature.type).toBe(3);
  });

  it('clip polygons to the buffered tile and wind exterior rings clockwise on screen', async () => {
    const { tile } = await fetchTile(path('grids', tileAt(center, 14)), districtKey);
    for (const feature of featuresOf(tile, 'grids')) {
      const rings = feature.loadGeometry();
      for (const point of rings.flat()) {
        expect(point.x).toBeGreaterThanOrEqual(-64);
        expect(point.x).toBeLessThanOrEqual(4096 + 64);
        expect(point.y).toBeGreaterThanOrEqual(-64);
        expect(point.y).toBeLessThanOrEqual(4096 + 64);
      }
      expect(surveyorArea(rings[0]!)).toBeGreaterThan(0);
    }
  });

  it('leave out properties marked notInTiles (member phones)', async () => {
    const t = tileAt(center, 12);
    const { tile } = await fetchTile(path('members', t), districtKey);
    const features = featuresOf(tile, 'members');
    expect(features.length).toBeGreaterThan(0);
    for (const feature of features) {
      expect(feature.properties).not.toHaveProperty('phone');
      expect(feature.properties.position_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  it('are empty (204) below the collection minimum zoom', async () => {
    const t = tileAt(center, 9);
    const { response } = await fetchTile(path('grids', t), districtKey);
    expect(response.status).toBe(204);
  });

  it('show a community-scoped key only the features of its community', async () => {
    const t = tileAt(center, 12);
    const { tile } = await fetchTile(path('cameras', t), communityKey);
    const features = featuresOf(tile, 'cameras');
    const result = await db().pool.query(
      `SELECT count(*)::int AS n FROM cameras WHERE community_code = $1
          AND ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope($2, $3, $4, margin => 64.0 / 4096))`,
      [community, t.z, t.x, t.y],
    );
    // Below zoom 13 points are thinned: each feature counts the points it stands for.
    const counted = features.reduce((sum, f) => sum + Number(f.properties.count), 0);
    expect(counted).toBe(result.rows[0].n);
    for (const feature of features) expect(feature.properties.community_code).toBe(community);
  });

  it('thin points below zoom 13 to one per cell, counting every point once', async () => {
    const t = tileAt(center, 11);
    const { tile } = await fetchTile(path('cameras', t), districtKey);
    const features = featuresOf(tile, 'cameras');
    const expected = await rowsInTile('cameras', 'code', t, 64);
    const counted = features.reduce((sum, f) => sum + Number(f.properties.count), 0);
    expect(counted).toBe(expected.size);
    expect(features.length).toBeLessThan(expected.size);
    const cells = features.map((f) => {
      const [point] = f.loadGeometry()[0]!;
      return `${Math.floor(point!.x / 128)}/${Math.floor(point!.y / 128)}`;
    });
    expect(new Set(cells).size).toBe(features.length);
    for (const feature of features) expect(expected).toContain(feature.properties.code);
  });

  it('refuse incidents to a role without incidents:read (403)', async () => {
    const t = tileAt(center, 14);
    const { response } = await fetchTile(path('incidents', t), districtKey);
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toContain('incidents:read');
  });

  it('serve incidents to a role with incidents:read', async () => {
    const codes = await areaCodes(db());
    const key = (await makeKey(db(), 'display', [codes.district])).key;
    const { response, tile } = await fetchTile(path('incidents', tileAt(center, 11)), key);
    expect(response.status).toBe(200);
    expect(featuresOf(tile, 'incidents').length).toBeGreaterThan(0);
  });

  it('refuse anonymous callers (401)', async () => {
    const response = await createTestApp(db()).request(path('grids', tileAt(center, 14)));
    expect(response.status).toBe(401);
  });

  it('answer 404 naming an unknown collection', async () => {
    const { response } = await fetchTile('/tiles/parks/14/0/0.mvt', districtKey);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toContain('parks');
  });

  it('answer 404 for a tile format other than .mvt', async () => {
    const { response } = await fetchTile('/tiles/grids/14/0/0.png', districtKey);
    expect(response.status).toBe(404);
  });

  it.each([
    ['z above 22', '/tiles/grids/23/0/0.mvt', 'z'],
    ['x beyond 2^z − 1', '/tiles/grids/3/8/0.mvt', 'x'],
    ['negative y', '/tiles/grids/3/0/-1.mvt', 'y'],
    ['fractional x', '/tiles/grids/3/1.5/0.mvt', 'x'],
    ['non-numeric z', '/tiles/grids/z/0/0.mvt', 'z'],
  ])('refuse %s with 400', async (_, url, segment) => {
    const { response } = await fetchTile(url, districtKey);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain(segment);
  });
});
