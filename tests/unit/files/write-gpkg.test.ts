import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Feature } from 'geojson';
import initSqlJs from 'sql.js';
import wkx from 'wkx';
import { describe, expect, it } from 'vitest';
import type { ExportLayer } from '../../../api/files/write-fields';
import { writeGeoPackage } from '../../../api/files/write-gpkg';

const run = promisify(execFile);
const gdalMissing = await run('ogrinfo', ['--version']).then(
  () => false,
  () => true,
);

const layer: ExportLayer = {
  name: 'service-points',
  title: '服务点 Service points',
  fields: [
    { name: 'name', type: 'string' },
    { name: 'capacity', type: 'integer' },
    { name: 'open', type: 'boolean' },
    { name: 'updated_at', type: 'datetime' },
  ],
  geometryType: 'Point',
  crs: 'gcj02',
};

const features: Feature[] = [
  {
    type: 'Feature',
    id: 'SP-1',
    geometry: { type: 'Point', coordinates: [116.403, 39.915] },
    properties: { name: '药店', capacity: 3, open: true, updated_at: '2026-12-07T12:00:00+08:00' },
  },
  {
    type: 'Feature',
    id: 'SP-2',
    geometry: { type: 'Point', coordinates: [116.41, 39.92] },
    properties: { name: '驿站', capacity: null, open: false, updated_at: null },
  },
];

const NOW = new Date('2026-12-07T04:00:00Z');

async function open(bytes: Uint8Array) {
  return new (await initSqlJs()).Database(bytes);
}

describe('writeGeoPackage', () => {
  it('marks the file as a GeoPackage 1.2 with the required tables', async () => {
    const db = await open(await writeGeoPackage(layer, features, NOW));
    expect(db.exec('PRAGMA application_id')[0]!.values[0]![0]).toBe(0x47504b47);
    expect(db.exec('PRAGMA user_version')[0]!.values[0]![0]).toBe(10200);
    const srs = db.exec('SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id')[0]!.values;
    expect(srs.flat()).toEqual([-1, 0, 4326, 4490]);
    const contents = db.exec(
      'SELECT table_name, data_type, srs_id, description FROM gpkg_contents',
    );
    expect(contents[0]!.values[0]!.slice(0, 3)).toEqual(['service_points', 'features', 4326]);
    expect(contents[0]!.values[0]![3]).toContain('GCJ-02');
    const columns = db.exec('SELECT column_name, geometry_type_name FROM gpkg_geometry_columns');
    expect(columns[0]!.values).toEqual([['geom', 'POINT']]);
  });

  it('stores each geometry as a GeoPackage binary: GP header, srs_id, envelope, WKB', async () => {
    const db = await open(await writeGeoPackage(layer, features, NOW));
    const [blob] = db.exec('SELECT geom FROM service_points ORDER BY fid')[0]!.values[0]! as [
      Uint8Array,
    ];
    const bytes = Buffer.from(blob);
    expect(bytes.toString('ascii', 0, 2)).toBe('GP');
    expect(bytes.readInt32LE(4)).toBe(4326);
    expect([bytes.readDoubleLE(8), bytes.readDoubleLE(24)]).toEqual([116.403, 39.915]);
    expect(wkx.Geometry.parse(bytes.subarray(40)).toGeoJSON()).toEqual(features[0]!.geometry);
  });

  it('writes the same bytes for the same features and time', async () => {
    const a = await writeGeoPackage(layer, features, NOW);
    const b = await writeGeoPackage(layer, features, NOW);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it.skipIf(gdalMissing)('opens in GDAL with the feature count and attributes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yiping-gpkg-'));
    try {
      const file = path.join(dir, 'service-points.gpkg');
      await writeFile(file, await writeGeoPackage({ ...layer, crs: 'cgcs2000' }, features, NOW));
      const { stdout } = await run('ogrinfo', ['-ro', '-al', file]);
      expect(stdout).toContain('Feature Count: 2');
      expect(stdout).toContain('ID["EPSG",4490]');
      expect(stdout).toMatch(/name \(String\) = 药店/);
      expect(stdout).toMatch(/capacity \(Integer64\) = 3/);
      expect(stdout).toContain('POINT (116.403 39.915)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
