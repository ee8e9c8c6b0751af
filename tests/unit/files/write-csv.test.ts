import type { Feature } from 'geojson';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../../api/files/write-csv';
import type { ExportLayer } from '../../../api/files/write-fields';

const points: ExportLayer = {
  name: 'service-points',
  title: '服务点 Service points',
  fields: [
    { name: 'name', type: 'string' },
    { name: 'capacity', type: 'integer' },
    { name: 'tags', type: 'string' },
  ],
  geometryType: 'Point',
  crs: 'wgs84',
};

const pharmacy: Feature = {
  type: 'Feature',
  id: 'SP-1',
  geometry: { type: 'Point', coordinates: [116.397128, 39.916527] },
  properties: { name: '仁和药店, "东门"\n二楼', capacity: 12, tags: ['药', '24h'] },
};

const rows = (text: string) => parse(text, { bom: true }) as string[][];

describe('writeCsv', () => {
  it('starts UTF-8 with a byte order mark so Excel reads the Chinese', () => {
    const bytes = writeCsv(points, [pharmacy], 'utf-8');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(bytes).toString('utf8')).toContain('仁和药店');
  });

  it('writes id, the properties, then lng and lat for a point layer, quoting what needs it', () => {
    const text = Buffer.from(writeCsv(points, [pharmacy], 'utf-8')).toString('utf8');
    expect(rows(text)).toEqual([
      ['id', 'name', 'capacity', 'tags', 'lng', 'lat'],
      ['SP-1', '仁和药店, "东门"\n二楼', '12', '["药","24h"]', '116.397128', '39.916527'],
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('leaves out the extra id column when a property is already named id', () => {
    const layer: ExportLayer = { ...points, fields: [{ name: 'id', type: 'integer' }] };
    const feature = { ...pharmacy, id: 7, properties: { id: 7 } };
    const [header, row] = rows(Buffer.from(writeCsv(layer, [feature], 'utf-8')).toString('utf8'));
    expect(header).toEqual(['id', 'lng', 'lat']);
    expect(row![0]).toBe('7');
  });

  it('encodes GBK for older Excel, without a byte order mark', () => {
    const bytes = writeCsv(points, [pharmacy], 'gbk');
    expect(bytes[0]).not.toBe(0xef);
    expect(Buffer.from(bytes).toString('utf8')).not.toContain('仁和药店');
    expect(rows(iconv.decode(Buffer.from(bytes), 'gbk'))[1]![1]).toBe('仁和药店, "东门"\n二楼');
  });

  it('writes other geometries as WKT and a missing geometry as empty cells', () => {
    const grid: Feature = {
      type: 'Feature',
      id: 'G1',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [116, 39],
            [116.1, 39],
            [116.1, 39.1],
            [116, 39],
          ],
        ],
      },
      properties: { name: '一网格', capacity: null, tags: null },
    };
    const layer: ExportLayer = { ...points, geometryType: 'Polygon' };
    const [header, row] = rows(Buffer.from(writeCsv(layer, [grid], 'utf-8')).toString('utf8'));
    expect(header).toEqual(['id', 'name', 'capacity', 'tags', 'wkt']);
    expect(row).toEqual(['G1', '一网格', '', '', 'POLYGON((116 39,116.1 39,116.1 39.1,116 39))']);
    const lost = { ...pharmacy, geometry: null } as unknown as Feature;
    const [, empty] = rows(Buffer.from(writeCsv(points, [lost], 'utf-8')).toString('utf8'));
    expect(empty!.slice(-2)).toEqual(['', '']);
  });
});
