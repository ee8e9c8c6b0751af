import { unzipSync, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../api/files/read-source';
import type { ReadHints } from '../../../api/files/source';
import { UnreadableFileError } from '../../../api/files/source';
import { fixture } from './fixtures';

const XIAN_1980_PRJ =
  'PROJCS["Xian_1980_3_Degree_GK_CM_114E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",' +
  'SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],' +
  'UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],' +
  'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],' +
  'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** The GK fixture's files, renamed and edited, zipped again. */
function rezip(edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(fixture('points-gk-zone39.zip'));
  edit(files);
  return zipSync(files);
}

/** The GeoPackage fixture changed by SQL, as bytes. */
async function gpkgWith(sql: string): Promise<Uint8Array> {
  const { Database } = await initSqlJs();
  const db = new Database(fixture('points-4490.gpkg'));
  db.run(sql);
  const bytes = db.export();
  db.close();
  return bytes;
}

const text = (s: string) => new TextEncoder().encode(s);
const gbkCsv = fixture('points-gbk.csv');
const bomCsv = fixture('points-wkt-bom.csv');
const zip = fixture('points-gk-zone39.zip');

const CASES: {
  name: string;
  bytes: () => Uint8Array | Promise<Uint8Array>;
  hints?: Partial<ReadHints>;
  message: RegExp[];
}[] = [
  { name: 'an empty file', bytes: () => new Uint8Array(0), message: [/是空的/, /is empty/] },
  {
    name: 'a file of zeros',
    bytes: () => new Uint8Array(1 << 20),
    message: [
      /^无法识别的文件格式/,
      /Unrecognised file format: .*all zero bytes.*expected GeoJSON, CSV, a zipped Shapefile or a GeoPackage/,
    ],
  },
  {
    name: 'a binary blob (a PNG)',
    bytes: () =>
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
    message: [/无法识别的文件格式/, /Unrecognised file format: .*89 50 4e 47/],
  },
  {
    name: 'a truncated zip',
    bytes: () => zip.subarray(0, Math.floor(zip.length / 2)),
    message: [/不是完整的 zip 文件/, /is not a complete zip file \(truncated or damaged\)/],
  },
  {
    name: 'a zip without .dbf',
    bytes: () => rezip((f) => delete f['points.dbf']),
    message: [/缺少 points\.dbf/, /has points\.shp but no points\.dbf/],
  },
  {
    name: 'a zip whose .dbf was cut short',
    bytes: () => rezip((f) => (f['points.dbf'] = f['points.dbf']!.subarray(0, 400))),
    message: [/\.dbf 文件已损坏或不完整/, /the \.dbf is truncated or damaged/],
  },
  {
    name: 'a zip whose .shp was cut short',
    bytes: () => rezip((f) => (f['points.shp'] = f['points.shp']!.subarray(0, 150))),
    message: [/Shapefile 已损坏或不完整/, /the Shapefile is damaged or truncated/],
  },
  {
    name: 'a zip without .shp',
    bytes: () => rezip((f) => delete f['points.shp']),
    message: [/没有 \.shp 文件/, /holds no \.shp file \(it holds: .*points\.dbf/],
  },
  {
    name: 'a zip with two layers',
    bytes: () => rezip((f) => (f['roads/roads.shp'] = f['points.shp']!)),
    message: [
      /多个图层：points\.shp、roads\/roads\.shp/,
      /several layers: points\.shp, roads\/roads\.shp/,
    ],
  },
  {
    name: 'a Shapefile in Xian 1980',
    bytes: () => rezip((f) => (f['points.prj'] = text(XIAN_1980_PRJ))),
    message: [
      /坐标系“Xian_1980_3_Degree_GK_CM_114E”无法识别/,
      /unknown coordinate system "Xian_1980_3_Degree_GK_CM_114E"/,
    ],
  },
  {
    name: 'a .cpg naming an encoding we do not read',
    bytes: () => rezip((f) => (f['points.cpg'] = text('ISO-8859-5'))),
    message: [
      /不支持的编码“ISO-8859-5”/,
      /declares the encoding "ISO-8859-5", which is not supported/,
    ],
  },
  {
    name: 'broken JSON',
    bytes: () => text('{"type": "FeatureCollection",\n "features": [}'),
    message: [/不是有效的 JSON（第 2 行第 \d+ 列）/, /is not valid JSON \(line 2, column \d+\)/],
  },
  {
    name: 'truncated JSON',
    bytes: () => fixture('points.geojson').subarray(0, 200),
    message: [/不是有效的 JSON/, /is not valid JSON \(line \d+, column \d+\)/],
  },
  {
    name: 'GeoJSON saved as GBK',
    bytes: () => new Uint8Array([...text('{"名": "'), 0xc8, 0xaa, 0xb3, 0xc7, ...text('"}')]),
    message: [/不是有效的 UTF-8 编码/, /is not valid UTF-8 text/],
  },
  {
    name: 'JSON that is not GeoJSON',
    bytes: () => text('{"type": "Topology"}'),
    message: [/不是 GeoJSON/, /its "type" is "Topology"/],
  },
  {
    name: 'a GBK CSV read as UTF-8',
    bytes: () => gbkCsv,
    hints: { encoding: 'utf-8' },
    message: [/不是有效的 UTF-8 编码，请尝试 GBK/, /is not valid UTF-8 text; try the encoding gbk/],
  },
  {
    name: 'a UTF-8 CSV read as GBK',
    bytes: () => bomCsv,
    hints: { encoding: 'gbk' },
    message: [/不是有效的 GBK 编码，请尝试 UTF-8/, /is not valid GBK text; try the encoding utf-8/],
  },
  {
    name: 'a zip given as CSV',
    bytes: () => zip,
    hints: { format: 'csv' },
    message: [/与指定的格式 CSV 不符/, /holds a zipped Shapefile, not the CSV given as its format/],
  },
  {
    name: 'a bare .shp',
    bytes: () => unzipSync(zip)['points.shp']!,
    hints: { fileName: 'points.shp' },
    message: [/单独的 \.shp 文件/, /is a bare \.shp; zip it together with its \.shx, \.dbf, \.prj/],
  },
  {
    name: 'a GeoPackage with two feature tables',
    bytes: () =>
      gpkgWith(`CREATE TABLE roads (fid INTEGER PRIMARY KEY, geom BLOB);
        INSERT INTO gpkg_contents (table_name, data_type, srs_id) VALUES ('roads', 'features', 4490);
        INSERT INTO gpkg_geometry_columns VALUES ('roads', 'geom', 'LINESTRING', 4490, 0, 0);`),
    message: [/多个图层：points、roads/, /several layers: points, roads; name the one to import/],
  },
  {
    name: 'a GeoPackage in another CRS',
    bytes: () =>
      gpkgWith(`INSERT INTO gpkg_spatial_ref_sys VALUES ('CGCS2000 / 3-degree GK zone 39', 4527, 'EPSG', 4527, 'undefined', NULL);
        UPDATE gpkg_geometry_columns SET srs_id = 4527; UPDATE gpkg_contents SET srs_id = 4527;`),
    message: [
      /使用坐标系 EPSG:4527/,
      /the layer points is in EPSG:4527; only EPSG:4326 \(WGS84\) and EPSG:4490/,
    ],
  },
  {
    name: 'a truncated GeoPackage',
    bytes: () => fixture('points-4490.gpkg').subarray(0, 4096),
    message: [/不是有效的 GeoPackage/, /is not a valid GeoPackage/],
  },
];

describe('readSource refuses a file it cannot read, saying why', () => {
  it.each(CASES)('$name', async ({ bytes, hints, message }) => {
    const read = readSource(await bytes(), { fileName: 'upload', ...hints });
    const error = await read.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnreadableFileError);
    const text = (error as Error).message;
    // Chinese first, then English, in one message.
    const [zh, en] = [text.slice(0, text.indexOf(' / ')), text.slice(text.indexOf(' / ') + 3)];
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).toMatch(/[a-z]+ [a-z]+ [a-z]+/);
    for (const m of message) expect(text).toMatch(m);
  });
});
