import type { Position } from 'geojson';
import proj4, { type Converter } from 'proj4';
import type { FileCrs } from '../contract/imports';
import { unreadable } from './unreadable';

/** What a Shapefile's .prj means for us: its name, our CRS, and how to unproject its positions. */
export interface PrjMeaning {
  /** The CRS's own name as the .prj writes it (PROJCS or GEOGCS name). */
  declaredCrs: string;
  impliedCrs: FileCrs;
  /** Projected coordinates → geographic `[lng, lat]` on the same datum; null when geographic. */
  unproject: ((position: Position) => Position) | null;
}

const DATUMS: [RegExp, FileCrs][] = [
  [/China_2000|CGCS[ _]?2000|China Geodetic Coordinate System 2000/i, 'cgcs2000'],
  [/WGS[ _]?(19)?84/i, 'wgs84'],
];

/**
 * Interprets a .prj (ESRI or OGC WKT1, or WKT2): a geographic WGS84 or CGCS2000 CRS is ours as is;
 * a projected one on those datums (Gauss-Krüger zones, UTM) is unprojected with proj4. Anything
 * else (Xian 1980, Beijing 1954, a local grid) is an UnreadableFileError naming it.
 */
export function interpretPrj(prj: string, fileName: string): PrjMeaning {
  const wkt = prj.trim();
  const kind = /^\s*(\w+)\s*\[/.exec(wkt)?.[1]?.toUpperCase() ?? '';
  const name = /^\s*\w+\s*\[\s*"([^"]*)"/.exec(wkt)?.[1] ?? wkt.slice(0, 80);
  const geographicName = /(?:GEOGCS|GEOGCRS|BASEGEOGCRS)\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? name;
  const datum = /DATUM\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? '';
  const crs = DATUMS.find(([re]) => re.test(geographicName) || re.test(datum))?.[1];
  if (!crs) throw unknownPrj(name, fileName);
  if (kind === 'GEOGCS' || kind === 'GEOGCRS')
    return { declaredCrs: name, impliedCrs: crs, unproject: null };
  if (kind !== 'PROJCS' && kind !== 'PROJCRS') throw unknownPrj(name, fileName);
  return { declaredCrs: name, impliedCrs: crs, unproject: unprojectorOf(wkt, name, fileName) };
}

function unprojectorOf(wkt: string, name: string, fileName: string): (p: Position) => Position {
  let converter: Converter;
  try {
    // Geographic on the same ellipsoid: CGCS2000 and WGS84 differ below a metre, no datum shift.
    converter = proj4(wkt, '+proj=longlat +ellps=GRS80 +no_defs');
  } catch {
    throw unknownPrj(name, fileName);
  }
  return (p) => {
    const [lng, lat] = converter.forward([p[0]!, p[1]!]);
    return [lng!, lat!, ...p.slice(2)];
  };
}

function unknownPrj(name: string, fileName: string) {
  return unreadable(
    `${fileName} 的坐标系“${name}”无法识别；请先转换为 WGS84、CGCS2000（EPSG:4490）或 CGCS2000 高斯-克吕格投影`,
    `${fileName}: unknown coordinate system "${name}" in the .prj; reproject the data to WGS84, ` +
      'CGCS2000 (EPSG:4490) or a CGCS2000 Gauss-Krüger zone first',
  );
}
