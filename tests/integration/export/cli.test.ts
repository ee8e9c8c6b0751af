import { parse } from 'csv-parse/sync';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../../api/db/collections';
import { exportCollection } from '../../../data/export-cli';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { bytesOf, ogcGet } from './support';

const db = useTestDatabase();
let key: string;

beforeAll(async () => {
  key = (await makeKey(db(), 'admin', [(await areaCodes(db())).district])).key;
});

const NOW = new Date('2026-12-07T04:00:00Z');

const request = (format: 'geojson' | 'csv' | 'gpkg', crs: 'wgs84' | 'gcj02' = 'wgs84') => ({
  collection: COLLECTIONS['service-points'],
  format,
  crs,
  encoding: 'utf-8' as const,
  now: NOW,
});

async function gpkgRows(bytes: Uint8Array) {
  const sqlite = new (await initSqlJs()).Database(bytes);
  return sqlite.exec('SELECT * FROM service_points ORDER BY fid')[0]!.values;
}

describe('npm run export', () => {
  it('writes the same CSV bytes as the OGC route for the same collection and CRS', async () => {
    const progress: [number, number][] = [];
    const file = await exportCollection(db().pool, request('csv', 'gcj02'), (read, total) =>
      progress.push([read, total]),
    );
    const route = await ogcGet(
      db(),
      key,
      '/collections/service-points/items?f=csv&crs=GCJ-02&limit=10000',
    );
    expect(file.filename).toBe('service-points.csv');
    expect(Buffer.from(file.bytes).equals(await bytesOf(route))).toBe(true);
    const total = (await db().pool.query('SELECT count(*)::int n FROM service_points')).rows[0].n;
    expect(parse(Buffer.from(file.bytes), { bom: true })).toHaveLength(total + 1);
    expect(progress.at(-1)).toEqual([total, total]);
  });

  it('writes a GeoPackage with the same rows as the OGC route', async () => {
    const file = await exportCollection(db().pool, request('gpkg'));
    const route = await ogcGet(db(), key, '/collections/service-points/items?f=gpkg&limit=10000');
    expect(await gpkgRows(file.bytes)).toEqual(await gpkgRows(await bytesOf(route)));
  });

  it('writes GeoJSON with the same features as the OGC route', async () => {
    const file = await exportCollection(db().pool, request('geojson'));
    const route = await ogcGet(db(), key, '/collections/service-points/items?limit=10000');
    const exported = JSON.parse(Buffer.from(file.bytes).toString('utf8'));
    expect(exported.type).toBe('FeatureCollection');
    expect(exported.features).toEqual((await route.json()).features);
  });
});
