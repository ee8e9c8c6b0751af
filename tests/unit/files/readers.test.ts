import { unzipSync, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { detectFormat, SNIFF_BYTES } from '../../../api/files/detect-format';
import { readSource } from '../../../api/files/read-source';
import { expectWithinOneMetre, fixture, KNOWN } from './fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('format detection', () => {
  it('decides from the first bytes alone: what follows them is never looked at', () => {
    const zeros = new Uint8Array(SNIFF_BYTES + 16);
    zeros.set(utf8('{"type":"Point"}'), SNIFF_BYTES);
    expect(() => detectFormat(zeros, 'big.bin')).toThrow(/all zero bytes/);
  });

  it("trusts a text file's name over its first character", () => {
    expect(detectFormat(utf8('[编号],经度,纬度\n'), 'list.csv')).toBe('csv');
    expect(detectFormat(utf8('[编号],经度,纬度\n'), 'list')).toBe('geojson');
  });

  it.each([
    ['points.geojson', 'geojson'],
    ['points-gbk.csv', 'csv'],
    ['points-gk-zone39.zip', 'shp'],
    ['points-4490.gpkg', 'gpkg'],
  ])('knows %s as %s under any name', (file, format) => {
    expect(detectFormat(fixture(file), 'upload')).toBe(format);
  });
});

describe('reading GeoJSON', () => {
  it('reads a single Feature, with a BOM', async () => {
    const bytes = utf8(
      '\ufeff{"type":"Feature","properties":{"名称":"甲"},"geometry":{"type":"Point","coordinates":[117,36]}}',
    );
    const read = await readSource(bytes, { fileName: 'one.json' });
    expect(read.features).toEqual([
      {
        index: 0,
        row: null,
        properties: { 名称: '甲' },
        geometry: { type: 'Point', coordinates: [117, 36] },
      },
    ]);
  });

  it('reads a bare geometry as one feature without properties', async () => {
    const read = await readSource(
      utf8('{"type":"LineString","coordinates":[[117,36],[117.1,36.1]]}'),
      {
        fileName: 'line.geojson',
      },
    );
    expect(read.features[0]?.geometry?.type).toBe('LineString');
    expect(read.features[0]?.properties).toEqual({});
  });

  it.each([
    ['EPSG:4326', 'wgs84'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'wgs84'],
    ['urn:ogc:def:crs:EPSG::4490', 'cgcs2000'],
    ['http://www.opengis.net/def/crs/EPSG/0/4490', 'cgcs2000'],
    ['EPSG:3857', null],
  ])('reads the legacy crs %s as %s', async (name, implied) => {
    const json = `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"${name}"}},"features":[]}`;
    const read = await readSource(utf8(json), { fileName: 'a.geojson' });
    expect(read.declaredCrs).toBe(name);
    expect(read.impliedCrs).toBe(implied);
  });
});

describe('reading a zipped Shapefile', () => {
  const files = unzipSync(fixture('points-cgcs2000-gbk.zip'));
  const withoutCpg = () =>
    zipSync(Object.fromEntries(Object.entries(files).filter(([n]) => !n.endsWith('.cpg'))));

  it('detects GBK from the .dbf bytes when there is no .cpg', async () => {
    const read = await readSource(withoutCpg(), { fileName: 'points.zip' });
    expect(read.encoding).toBe('gbk');
    expect(read.features.map((f) => f.properties['名称'])).toEqual(KNOWN.map((k) => k['名称']));
  });

  it('refuses UTF-8 given for a GBK .dbf without .cpg, suggesting GBK', async () => {
    await expect(
      readSource(withoutCpg(), { fileName: 'points.zip', encoding: 'utf-8' }),
    ).rejects.toThrow(/try the encoding gbk/);
  });

  it('lets the .cpg win over a given encoding', async () => {
    const read = await readSource(fixture('points-cgcs2000-gbk.zip'), {
      fileName: 'p.zip',
      encoding: 'utf-8',
    });
    expect(read.encoding).toBe('gbk');
    expect(read.features[0]?.properties['地址']).toBe('北京市东城区长安街');
  });

  it('reads without a .prj, declaring nothing', async () => {
    const noPrj = zipSync(
      Object.fromEntries(Object.entries(files).filter(([n]) => !n.endsWith('.prj'))),
    );
    const read = await readSource(noPrj, { fileName: 'p.zip' });
    expect([read.declaredCrs, read.impliedCrs]).toEqual([null, null]);
    read.features.forEach((f, i) => expectWithinOneMetre(f.geometry, KNOWN[i]!.position));
  });
});

describe('reading a GeoPackage', () => {
  it('keeps values as stored: numbers as numbers, NULL as null', async () => {
    const { Database } = await initSqlJs();
    const db = new Database(fixture('points-4490.gpkg'));
    db.run(
      "ALTER TABLE points ADD COLUMN 户数 INTEGER; UPDATE points SET 户数 = 420 WHERE 编号 = 'A001'",
    );
    const read = await readSource(db.export(), { fileName: 'p.gpkg' });
    db.close();
    expect(read.fields).toEqual(['名称', '类别', '地址', '编号', '户数']);
    expect(read.features.map((f) => f.properties['户数'])).toEqual([420, null, null, null]);
  });

  it('reads the layer a hint names when there are several', async () => {
    const { Database } = await initSqlJs();
    const db = new Database(fixture('points-4490.gpkg'));
    db.run(`CREATE TABLE empty (fid INTEGER PRIMARY KEY, geom BLOB);
      INSERT INTO gpkg_contents (table_name, data_type, srs_id) VALUES ('empty', 'features', 4490);
      INSERT INTO gpkg_geometry_columns VALUES ('empty', 'geom', 'POINT', 4490, 0, 0);`);
    const bytes = db.export();
    db.close();
    expect(
      (await readSource(bytes, { fileName: 'p.gpkg', layer: 'points' })).features,
    ).toHaveLength(4);
    expect((await readSource(bytes, { fileName: 'p.gpkg', layer: 'empty' })).features).toHaveLength(
      0,
    );
  });
});
