import { VectorTile } from '@mapbox/vector-tile';
import gcoord from 'gcoord';
import { Hono } from 'hono';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerLookup } from '../../../api/db/credentials';
import { scopedRunner } from '../../../api/db/scoped';
import type { TileEncoder } from '../../../api/db/tiles';
import { tileAt } from '../../../api/domain/tile-math';
import { authenticate } from '../../../api/http/authenticate';
import type { AppEnv } from '../../../api/http/env';
import { tileRoutes } from '../../../api/tiles/routes';
import { bearer, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

const db = useTestDatabase();
let key: string;
let cameras: { code: string; wgs: [number, number] }[];

beforeAll(async () => {
  const codes = await areaCodes(db());
  key = (await makeKey(db(), 'admin', [codes.district])).key;
  const result = await db().pool.query<{ code: string; lng: number; lat: number }>(
    'SELECT code, ST_X(geom) AS lng, ST_Y(geom) AS lat FROM cameras ORDER BY code LIMIT 5',
  );
  cameras = result.rows.map((row) => ({ code: row.code, wgs: [row.lng, row.lat] }));
});

/** Metres between two lng/lat points (haversine). */
function metres(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

const toGcj = (p: [number, number]) =>
  gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as [number, number];

/** Just the tile routes with a forced encoder, behind the real authentication. */
function tilesWith(encoder: TileEncoder) {
  const app = new Hono<AppEnv>();
  app.use(authenticate(callerLookup(db().pool), { now: () => new Date('2026-06-01T08:00:00Z') }));
  app.route('/tiles', tileRoutes({ scoped: scopedRunner(db().pool), encoder }));
  return app;
}

/** Where a camera is drawn in a decoded tile, in lng/lat, or undefined when it is absent. */
function drawnAt(tile: VectorTile, code: string, t: { z: number; x: number; y: number }) {
  const layer = tile.layers.cameras;
  for (let i = 0; i < (layer?.length ?? 0); i += 1) {
    const feature = layer!.feature(i);
    if (feature.properties.code !== code) continue;
    const geometry = feature.toGeoJSON(t.x, t.y, t.z).geometry;
    if (geometry.type === 'Point') return geometry.coordinates as [number, number];
  }
  return undefined;
}

async function decode(response: Response) {
  expect(response.status).toBe(200);
  return new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer())));
}

describe('GCJ-02 tiles (?crs=gcj02)', () => {
  const encoders = (): TileEncoder[] => (db().capabilities.mvt ? ['js', 'postgis'] : ['js']);

  it('draw each camera within 1 m of gcoord’s GCJ-02 conversion, on every encoder', async () => {
    for (const encoder of encoders()) {
      for (const camera of cameras) {
        const gcj = toGcj(camera.wgs);
        const t = tileAt(gcj, 18);
        const path = `/tiles/cameras/${t.z}/${t.x}/${t.y}.mvt?crs=gcj02`;
        const drawn = drawnAt(
          await decode(await tilesWith(encoder).request(path, bearer(key))),
          camera.code,
          t,
        );
        expect(drawn, `${encoder} ${camera.code}`).toBeDefined();
        expect(metres(drawn!, gcj), `${encoder} ${camera.code}`).toBeLessThan(1);
        // The shift is real: the WGS84 position is hundreds of metres away.
        expect(metres(drawn!, camera.wgs)).toBeGreaterThan(100);
      }
    }
  });

  it('leave the WGS84 tiles where they were', async () => {
    const camera = cameras[0]!;
    const t = tileAt(camera.wgs, 18);
    const path = `/tiles/cameras/${t.z}/${t.x}/${t.y}.mvt`;
    const drawn = drawnAt(
      await decode(await tilesWith('js').request(path, bearer(key))),
      camera.code,
      t,
    );
    expect(metres(drawn!, camera.wgs)).toBeLessThan(1);
  });

  it('keep road vertices within 1 m of gcoord’s conversion of the stored vertices', async () => {
    const road = await db().pool.query<{ id: string; coords: string }>(
      `SELECT id, ST_AsGeoJSON(geom) AS coords FROM roads WHERE class = 'arterial' ORDER BY id LIMIT 1`,
    );
    const stored = (JSON.parse(road.rows[0]!.coords) as { coordinates: [number, number][] })
      .coordinates;
    const expected = stored.map(toGcj);
    const t = tileAt(expected[0]!, 16);
    for (const encoder of encoders()) {
      const tile = await decode(
        await tilesWith(encoder).request(
          `/tiles/basemap/${t.z}/${t.x}/${t.y}.mvt?crs=gcj02`,
          bearer(key),
        ),
      );
      const layer = tile.layers.roads!;
      // Vertices of the tile that stand for stored ones (not cut at the tile's edge).
      const matched: number[] = [];
      for (let i = 0; i < layer.length; i += 1) {
        const geometry = layer.feature(i).toGeoJSON(t.x, t.y, t.z).geometry;
        const lines =
          geometry.type === 'LineString'
            ? [geometry.coordinates]
            : geometry.type === 'MultiLineString'
              ? geometry.coordinates
              : [];
        for (const vertex of lines.flat() as [number, number][]) {
          const nearest = Math.min(...expected.map((p) => metres(p, vertex)));
          if (nearest < 5) matched.push(nearest);
        }
      }
      expect(matched.length, encoder).toBeGreaterThan(0);
      expect(Math.max(...matched), encoder).toBeLessThan(1);
    }
  });

  it('are cached apart from WGS84 tiles, each with its own ETag', async () => {
    const app = createTestApp(db());
    const t = tileAt(cameras[0]!.wgs, 15);
    const base = `/tiles/basemap/${t.z}/${t.x}/${t.y}.mvt`;
    const get = (path: string, headers: Record<string, string> = {}) =>
      app.request(path, { headers: { ...bearer(key).headers, ...headers } });
    const plain = await get(base);
    const shifted = await get(`${base}?crs=gcj02`);
    const plainBytes = new Uint8Array(await plain.arrayBuffer());
    const shiftedBytes = new Uint8Array(await shifted.arrayBuffer());
    expect(plain.headers.get('etag')).not.toBe(shifted.headers.get('etag'));
    expect(Buffer.compare(Buffer.from(plainBytes), Buffer.from(shiftedBytes))).not.toBe(0);
    // From the cache now: each address and CRS gives back its own bytes and ETag.
    const again = await get(`${base}?crs=gcj02`);
    expect(again.headers.get('etag')).toBe(shifted.headers.get('etag'));
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(shiftedBytes))).toBe(true);
    const plainAgain = await get(`${base}?crs=wgs84`);
    expect(plainAgain.headers.get('etag')).toBe(plain.headers.get('etag'));
    const etag = shifted.headers.get('etag')!;
    expect((await get(base, { 'If-None-Match': etag })).status).toBe(200);
  });

  it('are announced by TileJSON with ?crs=gcj02 tile URLs and shifted bounds', async () => {
    const app = createTestApp(db());
    const plain = (await (await app.request('/tiles/grids.json', bearer(key))).json()) as {
      tiles: string[];
      bounds: number[];
    };
    const shifted = (await (
      await app.request('/tiles/grids.json?crs=gcj02', bearer(key))
    ).json()) as { tiles: string[]; bounds: number[] };
    expect(plain.tiles[0]).toMatch(/\.mvt$/);
    expect(shifted.tiles[0]).toMatch(/\/tiles\/grids\/\{z\}\/\{x\}\/\{y\}\.mvt\?crs=gcj02$/);
    expect(shifted.bounds[0]).toBeGreaterThan(plain.bounds[0]!);
  });

  it('refuse an unknown crs with a 400 naming the accepted ones', async () => {
    const response = await createTestApp(db()).request(
      '/tiles/cameras/15/0/0.mvt?crs=bd09',
      bearer(key),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message?: string; error?: { message: string } };
    expect(JSON.stringify(body)).toContain('wgs84 or gcj02');
  });
});
