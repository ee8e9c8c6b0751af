import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_IDS, COLLECTIONS } from '../../../api/db/collections';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { bytesOf, ogcGet } from './support';

const run = promisify(execFile);
const gdalMissing = await run('ogrinfo', ['--version']).then(
  () => false,
  () => true,
);

const db = useTestDatabase();
let key: string;
let workDir: string;

beforeAll(async () => {
  key = (await makeKey(db(), 'admin', [(await areaCodes(db())).district])).key;
  workDir = await mkdtemp(path.join(tmpdir(), 'yiping-export-'));
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const count = async (table: string) =>
  (await db().pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

const get = (pathAndQuery: string) => ogcGet(db(), key, pathAndQuery);

describe('OGC items as CSV', () => {
  it('answers a UTF-8 attachment with a BOM, one row per grid and the WKT of each', async () => {
    const response = await get('/collections/grids/items?f=csv&limit=10000');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="grids.csv"');
    expect(response.headers.get('content-crs')).toBe(
      '<http://www.opengis.net/def/crs/OGC/1.3/CRS84>',
    );
    const bytes = await bytesOf(response);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(bytes, { bom: true }) as string[][];
    expect(header).toEqual(expect.arrayContaining(['id', 'code', 'name', 'wkt']));
    expect(rows).toHaveLength(await count('grids'));
    const { rows: names } = await db().pool.query('SELECT name FROM grids ORDER BY code LIMIT 1');
    expect(rows[0]![header!.indexOf('name')]).toBe(names[0].name);
    expect(rows[0]![header!.indexOf('wkt')]).toMatch(/^POLYGON\(\(/);
  });

  it('writes points as lng, lat in longitude order even for EPSG:4326', async () => {
    const response = await get('/collections/cameras/items?f=csv&limit=1&crs=EPSG:4326');
    const [header, row] = parse(await bytesOf(response), { bom: true }) as string[][];
    const { rows } = await db().pool.query(
      'SELECT ST_X(geom) x, ST_Y(geom) y FROM cameras ORDER BY code LIMIT 1',
    );
    expect(Number(row![header!.indexOf('lng')])).toBeCloseTo(rows[0].x, 6);
    expect(Number(row![header!.indexOf('lat')])).toBeCloseTo(rows[0].y, 6);
    expect(response.headers.get('link')).toMatch(/f=csv.*rel="next"/);
  });

  it('encodes GBK when asked, for older Excel', async () => {
    const response = await get('/collections/grids/items?f=csv&encoding=gbk&limit=5');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=gbk');
    const bytes = await bytesOf(response);
    const [header, first] = parse(iconv.decode(bytes, 'gbk')) as string[][];
    const { rows } = await db().pool.query('SELECT name FROM grids ORDER BY code LIMIT 1');
    expect(first![header!.indexOf('name')]).toBe(rows[0].name);
    expect(bytes.toString('utf8')).not.toContain(rows[0].name);
  });

  it.skipIf(gdalMissing)('opens in GDAL with the same feature count', async () => {
    const file = path.join(workDir, 'service-points.csv');
    await writeFile(
      file,
      await bytesOf(await get('/collections/service-points/items?f=csv&limit=10000')),
    );
    const { stdout } = await run('ogrinfo', ['-ro', '-so', '-al', file]);
    expect(Number(/Feature Count: (\d+)/.exec(stdout)?.[1])).toBe(await count('service_points'));
  });
});

describe.skipIf(gdalMissing)('OGC items as GeoPackage', () => {
  it('answers an attachment GDAL opens with the same feature count, in CGCS2000', async () => {
    const response = await get('/collections/grids/items?f=gpkg&limit=10000&crs=EPSG:4490');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/geopackage+sqlite3');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="grids.gpkg"');
    const file = path.join(workDir, 'grids.gpkg');
    await writeFile(file, await bytesOf(response));
    const { stdout } = await run('ogrinfo', ['-ro', '-so', '-al', file]);
    expect(Number(/Feature Count: (\d+)/.exec(stdout)?.[1])).toBe(await count('grids'));
    expect(stdout).toContain('ID["EPSG",4490]');
    expect(stdout).toMatch(/Geometry: Polygon/);
  });
});

describe.skipIf(gdalMissing)('every collection', () => {
  it.each(COLLECTION_IDS)('exports %s as CSV and GeoPackage that GDAL counts', async (id) => {
    const expected = await count(COLLECTIONS[id].table);
    for (const f of ['csv', 'gpkg']) {
      const file = path.join(workDir, `${id}.${f}`);
      const response = await get(`/collections/${id}/items?f=${f}&limit=10000&crs=GCJ-02`);
      expect(response.status).toBe(200);
      await writeFile(file, await bytesOf(response));
      const { stdout } = await run('ogrinfo', ['-ro', '-so', '-al', file]);
      expect(Number(/Feature Count: (\d+)/.exec(stdout)?.[1]), `${id}.${f}`).toBe(expected);
    }
  });
});

describe('export parameters', () => {
  it('advertises CSV and GeoPackage as alternate links of a JSON page and items links', async () => {
    const page = await (await get('/collections/grids/items?limit=1')).json();
    const alternates = page.links.filter((l: { rel: string }) => l.rel === 'alternate');
    expect(alternates.map((l: { type: string }) => l.type)).toEqual([
      'text/csv',
      'application/geopackage+sqlite3',
    ]);
    expect(new URL(alternates[0].href).searchParams.get('f')).toBe('csv');
    const collection = await (await get('/collections/grids')).json();
    const items = collection.links.filter((l: { rel: string }) => l.rel === 'items');
    expect(items.map((l: { type: string }) => l.type)).toEqual([
      'application/geo+json',
      'text/csv',
      'application/geopackage+sqlite3',
    ]);
  });

  it.each([
    ['f=xlsx', 'f'],
    ['f=json&encoding=gbk', 'encoding'],
    ['f=csv&encoding=latin1', 'encoding'],
    ['f=csv&crs=EPSG:3857', 'crs'],
    ['f=gpkg&crs=EPSG:3857', 'crs'],
  ])('refuses %s with a 400 naming %s', async (query, parameter) => {
    const response = await get(`/collections/grids/items?${query}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.issues[0].path).toBe(parameter);
  });
});
