import { describe, expect, it } from 'vitest';
import { readSource } from '../../../api/files/read-source';

const utf8 = (s: string) => new TextEncoder().encode(s);
const read = (csv: string) => readSource(utf8(csv), { fileName: 'points.csv' });

describe('reading a CSV', () => {
  it.each([
    ['经度', '纬度'],
    ['LNG', 'Lat'],
    ['lon', 'lat'],
    ['Longitude', 'Latitude'],
    [' x ', ' Y '],
    ['东经', '北纬'],
  ])('takes a point from the %s / %s columns', async (lng, lat) => {
    const { features } = await read(`名称,${lng},${lat}\n泉城广场,117.019941,36.661549\n`);
    expect(features[0]?.geometry).toEqual({ type: 'Point', coordinates: [117.019941, 36.661549] });
  });

  it.each([
    ['semicolons', ';'],
    ['tabs', '\t'],
  ])('splits on %s when the header uses them', async (_, d) => {
    const { fields, features } = await read(`名称${d}经度${d}纬度\n"A, B"${d}117.5${d}36.5\n`);
    expect(fields).toEqual(['名称', '经度', '纬度']);
    expect(features[0]?.properties['名称']).toBe('A, B');
    expect(features[0]?.geometry).toEqual({ type: 'Point', coordinates: [117.5, 36.5] });
  });

  it('numbers rows as a spreadsheet shows them: blank lines counted, a cell over two lines one row', async () => {
    const { features } = await read(
      '名称,经度,纬度\nA,117,36\n\n"B\nb",117.1,36.1\n,,\nC,117.2,36.2',
    );
    expect(features.map((f) => [f.properties['名称'], f.row])).toEqual([
      ['A', 2],
      ['B\nb', 4],
      ['C', 6],
    ]);
  });

  it('reads full-width digits as typed by a Chinese input method', async () => {
    const { features } = await read('名称,经度,纬度\nA,１１７．０１,　３６．６６\n');
    expect(features[0]?.geometry).toEqual({ type: 'Point', coordinates: [117.01, 36.66] });
  });

  it('leaves geometry null on a row without coordinates, and says why when a value is no number', async () => {
    const { features } = await read('名称,经度,纬度\nA,,\nB,东经117度,36.5\n');
    expect(features[0]?.geometry).toBeNull();
    expect(features[0]?.geometryProblem).toBeUndefined();
    expect(features[1]?.geometry).toBeNull();
    expect(features[1]?.geometryProblem).toMatch(
      /坐标 经度\/纬度 不是数字.* \/ the coordinates 经度\/纬度 are not numbers: “东经117度”/,
    );
  });

  it('parses lines and polygons from a WKT column, and reports WKT that does not parse', async () => {
    const csv =
      '编号;几何\n' +
      'R1;LINESTRING (117 36, 117.1 36.1)\n' +
      'G1;"POLYGON ((117 36, 117.1 36, 117.1 36.1, 117 36))"\n' +
      'G2;MULTIPOINT ((117 36), (117.1 36.1))\n' +
      'G3;POLYGON ((117 36, 117.1\n';
    const { features } = await read(csv);
    expect(features[0]?.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [117, 36],
        [117.1, 36.1],
      ],
    });
    expect(features[1]?.geometry?.type).toBe('Polygon');
    expect(features[2]?.geometry?.type).toBe('MultiPoint');
    expect(features[3]?.geometry).toBeNull();
    expect(features[3]?.geometryProblem).toMatch(
      /几何 列不是有效的 WKT.* \/ the 几何 column is not valid WKT/,
    );
  });

  it('keeps every column as text, names blank and repeated headers, fills short rows', async () => {
    const { fields, features } = await read('编号,,编号,经度,纬度\n007,x,8\n');
    expect(fields).toEqual(['编号', 'column_2', '编号_2', '经度', '纬度']);
    expect(features[0]?.properties).toEqual({
      编号: '007',
      column_2: 'x',
      编号_2: '8',
      经度: '',
      纬度: '',
    });
  });

  it('detects GBK when the bytes are not UTF-8', async () => {
    // "名称,经度,纬度\n泉城,117,36\n" in GBK, written out byte by byte.
    const gbk = new Uint8Array([
      0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xbe, 0xad, 0xb6, 0xc8, 0x2c, 0xce, 0xb3, 0xb6, 0xc8, 0x0a,
      0xc8, 0xaa, 0xb3, 0xc7, 0x2c, 0x31, 0x31, 0x37, 0x2c, 0x33, 0x36, 0x0a,
    ]);
    const result = await readSource(gbk, { fileName: 'gbk.csv' });
    expect(result.encoding).toBe('gbk');
    expect(result.fields).toEqual(['名称', '经度', '纬度']);
    expect(result.features[0]?.properties['名称']).toBe('泉城');
  });
});
