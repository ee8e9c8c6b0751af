import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tileAt } from '../../../api/domain/tile-math';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

const run = promisify(execFile);
const gdalMissing = await run('ogrinfo', ['--version']).then(
  () => false,
  () => true,
);
if (gdalMissing) {
  console.warn('SKIPPED: GDAL tests need `ogrinfo` (Debian: apt-get install gdal-bin).');
}

const db = useTestDatabase();
let server: ServerType;
let base: string;
let env: NodeJS.ProcessEnv;
let key: string;

beforeAll(async () => {
  key = (await makeKey(db(), 'planner', [(await areaCodes(db())).district])).key;
  const app = createTestApp(db());
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve(started),
    );
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/analysis/coverage`;
  env = { ...process.env, GDAL_HTTP_HEADERS: `Authorization: Bearer ${key}`, CPL_DEBUG: 'OFF' };
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** Features of `layer` matching the attribute filter `where`, as GDAL counts them. */
async function count(source: string, layer: string, where: string): Promise<number> {
  const { stdout } = await run('ogrinfo', ['-ro', '-so', '-where', where, source, layer], { env });
  return Number(/Feature Count: (\d+)/.exec(stdout)?.[1]);
}

describe.skipIf(gdalMissing)('GDAL reads walking distances as a real client', () => {
  it('opens the per-building GeoJSON with its fields, and filters it', async () => {
    const source = `${base}/buildings?category=kindergarten&distance=500`;
    const { stdout } = await run('ogrinfo', ['-ro', '-so', source, 'OGRGeoJSON'], { env });
    const total = (await db().pool.query('SELECT count(*)::int AS n FROM buildings')).rows[0].n;
    expect(Number(/Feature Count: (\d+)/.exec(stdout)?.[1])).toBe(total);
    for (const field of ['distanceM: Real', 'gridCode: String', 'population: Integer']) {
      expect(stdout).toContain(field);
    }
    const coverage = await (
      await fetch(`${base}?category=kindergarten&distance=500`, {
        headers: { Authorization: env.GDAL_HTTP_HEADERS!.replace('Authorization: ', '') },
      })
    ).json();
    expect(await count(source, 'OGRGeoJSON', 'covered = 0')).toBe(coverage.uncoveredBuildings);
  });

  it('opens a walking-distance vector tile', async () => {
    const row = (
      await db().pool.query(
        'SELECT ST_X(ST_PointOnSurface(geom)) AS lng, ST_Y(ST_PointOnSurface(geom)) AS lat FROM buildings ORDER BY id LIMIT 1',
      )
    ).rows[0];
    const { z, x, y } = tileAt([row.lng, row.lat], 14);
    const source = `MVT:${base}/tiles/${z}/${x}/${y}.mvt?category=kindergarten`;
    const { stdout } = await run('ogrinfo', ['-ro', '-so', source, 'walking_distance'], { env });
    expect(Number(/Feature Count: (\d+)/.exec(stdout)?.[1])).toBeGreaterThan(0);
    expect(stdout).toMatch(/distance_m: (Integer|Real)/);
  });
});
