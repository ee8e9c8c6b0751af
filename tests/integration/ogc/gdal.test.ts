import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, COLLECTION_IDS } from '../../../api/db/collections';
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
let source: string;
let env: NodeJS.ProcessEnv;
let workDir: string;
/** Items requests the server has answered, counted to see how GDAL pages. */
let itemRequests = 0;

beforeAll(async () => {
  const key = (await makeKey(db(), 'admin', [(await areaCodes(db())).district])).key;
  const app = createTestApp(db(), {
    limits: { perCallerPerMinute: 100_000, perIpPerMinute: 100_000 },
  });
  server = await new Promise<ServerType>((resolve) => {
    const fetch = (request: Request) => {
      if (new URL(request.url).pathname.endsWith('/items')) itemRequests += 1;
      return app.fetch(request);
    };
    const started = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  source = `OAPIF:http://127.0.0.1:${(server.address() as AddressInfo).port}/ogc`;
  env = { ...process.env, GDAL_HTTP_HEADERS: `Authorization: Bearer ${key}`, CPL_DEBUG: 'OFF' };
  workDir = await mkdtemp(path.join(tmpdir(), 'yiping-gdal-'));
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function tableCount(table: string): Promise<number> {
  return (await db().pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
}

describe.skipIf(gdalMissing)('GDAL reads the OGC API as a real client', () => {
  it('lists every collection', async () => {
    const { stdout } = await run('ogrinfo', ['-ro', '-q', source], { env });
    for (const id of COLLECTION_IDS) expect(stdout).toContain(`: ${id}`);
  });

  it.each(COLLECTION_IDS)('reports the feature count of %s equal to the database', async (id) => {
    const { stdout } = await run('ogrinfo', ['-ro', '-so', source, id], { env });
    const reported = Number(/Feature Count: (\d+)/.exec(stdout)?.[1]);
    expect(reported).toBe(await tableCount(COLLECTIONS[id].table));
  });

  it('copies all grids with their attributes into a GeoPackage, a page of 1,000 a request', async () => {
    const target = path.join(workDir, 'grids.gpkg');
    const before = itemRequests;
    const options = ['-oo', 'PAGE_SIZE=1000'];
    await run('ogr2ogr', ['-f', 'GPKG', target, source, 'grids', ...options], {
      env,
      maxBuffer: 64 << 20,
    });
    // GDAL 3.6 asks for its own page size (10 unless PAGE_SIZE says otherwise) whatever the
    // OpenAPI document advertises; the server honours pages of 1,000 and their next links. It
    // may read one page first to learn the schema.
    const pages = Math.ceil((await tableCount('grids')) / 1000);
    expect(itemRequests - before).toBeLessThanOrEqual(pages + 1);
    const { stdout } = await run('ogrinfo', ['-ro', '-so', target, 'grids']);
    expect(Number(/Feature Count: (\d+)/.exec(stdout)?.[1])).toBe(await tableCount('grids'));
    for (const field of ['code', 'name', 'community_code', 'households', 'population']) {
      expect(stdout).toMatch(new RegExp(`^${field}: `, 'm'));
    }
  });
});
