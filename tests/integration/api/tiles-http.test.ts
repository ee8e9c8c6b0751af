import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { tileAt } from '../../../api/domain/tile-math';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

const db = useTestDatabase();
let key: string;
let gridsPath: string;
let membersPath: string;

beforeAll(async () => {
  const codes = await areaCodes(db());
  key = (await makeKey(db(), 'api_consumer', [codes.district])).key;
  const result = await db().pool.query<{ lng: number; lat: number }>(
    `SELECT ST_X(p) AS lng, ST_Y(p) AS lat
       FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_areas WHERE code = $1) q`,
    [codes.district],
  );
  const t = tileAt([result.rows[0]!.lng, result.rows[0]!.lat], 14);
  gridsPath = `/tiles/grids/${t.z}/${t.x}/${t.y}.mvt`;
  membersPath = `/tiles/members/${t.z}/${t.x}/${t.y}.mvt`;
});

function get(path: string, headers: Record<string, string> = {}) {
  return createTestApp(db()).request(path, {
    headers: { Authorization: `Bearer ${key}`, ...headers },
  });
}

describe('tile responses', () => {
  it('carry a strong ETag and answer 304 without a body when it matches', async () => {
    const first = await get(gridsPath);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await get(gridsPath, { 'If-None-Match': etag! });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
  });

  it('send the tile again when If-None-Match names another version', async () => {
    const response = await get(gridsPath, { 'If-None-Match': '"stale"' });
    expect(response.status).toBe(200);
  });

  it('let caches keep static layers an hour and live ones seconds, per caller', async () => {
    const grids = await get(gridsPath);
    const members = await get(membersPath);
    expect(grids.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(members.headers.get('cache-control')).toBe('private, max-age=10');
    expect(grids.headers.get('vary')).toContain('Authorization');
    expect(grids.headers.get('vary')).toContain('Cookie');
  });

  it('gzip the tile for clients that accept it', async () => {
    const plain = new Uint8Array(await (await get(gridsPath)).arrayBuffer());
    const zipped = await get(gridsPath, { 'Accept-Encoding': 'gzip, deflate' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    const body = Buffer.from(await zipped.arrayBuffer());
    expect(body.byteLength).toBeLessThan(plain.byteLength);
    expect(new Uint8Array(gunzipSync(body))).toEqual(plain);
  });

  it('send the tile uncompressed when gzip is refused', async () => {
    const response = await get(gridsPath, { 'Accept-Encoding': 'gzip;q=0, identity' });
    expect(response.headers.get('content-encoding')).toBeNull();
  });

  it('revalidate the gzipped variant with its own tag', async () => {
    const zipped = await get(gridsPath, { 'Accept-Encoding': 'gzip' });
    const etag = zipped.headers.get('etag')!;
    const again = await get(gridsPath, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(etag).not.toBe((await get(gridsPath)).headers.get('etag'));
  });
});
