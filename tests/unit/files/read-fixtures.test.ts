import distance from '@turf/distance';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../api/files/read-source';
import { expectWithinOneMetre, fixture, KNOWN } from './fixtures';

/** Each fixture was made from points.geojson with ogr2ogr (tests/fixtures/import/README.md). */
const CASES = [
  { file: 'points.geojson', format: 'geojson', encoding: null, declared: null, implied: null },
  {
    file: 'points-4490.geojson',
    format: 'geojson',
    encoding: null,
    declared: 'urn:ogc:def:crs:EPSG::4490',
    implied: 'cgcs2000',
  },
  { file: 'points-gbk.csv', format: 'csv', encoding: 'gbk', declared: null, implied: null },
  { file: 'points-wkt-bom.csv', format: 'csv', encoding: 'utf-8', declared: null, implied: null },
  {
    file: 'points-cgcs2000-gbk.zip',
    format: 'shp',
    encoding: 'gbk',
    declared: 'GCS_China_Geodetic_Coordinate_System_2000',
    implied: 'cgcs2000',
  },
  {
    file: 'points-gk-zone39.zip',
    format: 'shp',
    encoding: 'utf-8',
    declared: 'CGCS2000_3_Degree_GK_Zone_39',
    implied: 'cgcs2000',
  },
  {
    file: 'points-4490.gpkg',
    format: 'gpkg',
    encoding: null,
    declared: 'EPSG:4490',
    implied: 'cgcs2000',
  },
] as const;

describe('readSource on files written by GDAL', () => {
  it.each(CASES)('$file: format, encoding and CRS are detected', async (c) => {
    const read = await readSource(fixture(c.file), { fileName: c.file });
    expect(read.format).toBe(c.format);
    expect(read.encoding).toBe(c.encoding);
    expect(read.declaredCrs).toBe(c.declared);
    expect(read.impliedCrs).toBe(c.implied);
  });

  it.each(CASES)('$file: every point lands within 1 m of its known position', async (c) => {
    const read = await readSource(fixture(c.file), { fileName: c.file });
    expect(read.features).toHaveLength(KNOWN.length);
    read.features.forEach((f, i) => expectWithinOneMetre(f.geometry, KNOWN[i]!.position));
  });

  it.each(CASES)('$file: Chinese field names and values read back exactly', async (c) => {
    const read = await readSource(fixture(c.file), { fileName: c.file });
    const names = ['名称', '类别', '地址', '编号'];
    expect(read.fields.filter((f) => names.includes(f))).toEqual(names);
    read.features.forEach((f, i) => {
      for (const name of names) expect(f.properties[name]).toBe(KNOWN[i]![name]);
    });
  });

  it('a CSV keeps its columns in file order and numbers rows as a spreadsheet does', async () => {
    const read = await readSource(fixture('points-gbk.csv'), { fileName: 'points-gbk.csv' });
    expect(read.fields).toEqual(['名称', '类别', '经度', '纬度', '地址', '编号']);
    expect(read.features.map((f) => f.row)).toEqual([2, 3, 4, 5]);
    expect(read.features.map((f) => f.index)).toEqual([0, 1, 2, 3]);
  });

  it('the format and encoding given as hints read the same as detected', async () => {
    const hints = { fileName: 'upload.bin', format: 'csv', encoding: 'gbk' } as const;
    const read = await readSource(fixture('points-gbk.csv'), hints);
    expect(read.features[0]?.properties['名称']).toBe('天安门广场');
  });
});

describe('readSource on grid polygons in a Gauss-Krüger zone (grids-gk-zone39-gbk.zip)', () => {
  const known = JSON.parse(new TextDecoder().decode(fixture('grids.geojson'))) as {
    features: { properties: Record<string, string>; geometry: Polygon }[];
  };

  it('unprojects every vertex of every ring, holes kept, to within 1 m', async () => {
    const read = await readSource(fixture('grids-gk-zone39-gbk.zip'), { fileName: 'grids.zip' });
    expect(read.declaredCrs).toBe('CGCS2000_3_Degree_GK_Zone_39');
    read.features.forEach((f, i) => {
      const rings = (f.geometry as Polygon).coordinates;
      const knownRings = known.features[i]!.geometry.coordinates;
      expect(rings).toHaveLength(knownRings.length);
      rings.forEach((ring, r) => {
        // A Shapefile winds rings its own way: compare vertices regardless of order.
        expect(ring).toHaveLength(knownRings[r]!.length);
        for (const p of ring) {
          const nearest = Math.min(
            ...knownRings[r]!.map((k) => distance(p, k, { units: 'meters' })),
          );
          expect(nearest).toBeLessThan(1);
        }
      });
    });
  });

  it('keeps 15-digit grid codes and Chinese names as text, exactly', async () => {
    const read = await readSource(fixture('grids-gk-zone39-gbk.zip'), { fileName: 'grids.zip' });
    expect(read.encoding).toBe('gbk');
    expect(read.features.map((f) => f.properties)).toEqual(known.features.map((f) => f.properties));
  });
});
