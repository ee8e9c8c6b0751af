import type { FileCrs } from '../contract/imports';
import { convertPosition } from './china-crs';
import { ValidationError } from './errors';

/** A coordinate reference system the OGC surface reads and writes (OGC API Features Part 2). */
export interface Crs {
  uri: string;
  /** SRID used in PostGIS. CGCS2000 (EPSG:4490) is treated as identical to WGS84 (4326). */
  srid: 4326 | 3857;
  /** True when the axis order is latitude, longitude (EPSG:4326 and EPSG:4490 as defined). */
  latFirst: boolean;
  /** Decimal places written: 6 for degrees (about 0.1 m), 2 for metres. */
  precision: number;
  /**
   * The longitude/latitude system this CRS names, as files (CSV, GeoPackage) and gcoord know it;
   * absent for projected Web Mercator. GCJ-02 and BD-09 are converted per coordinate after the
   * database has answered in WGS84 (they are never stored).
   */
  fileCrs?: FileCrs;
}

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/**
 * Our own URIs for GCJ-02 (Gaode, Tencent) and BD-09 (Baidu): neither has an EPSG code, so no
 * standard URI exists. Non-standard, stable, longitude first, documented in the OpenAPI document.
 */
export const GCJ02_URI = 'https://yiping.dev/def/crs/GCJ-02';
export const BD09_URI = 'https://yiping.dev/def/crs/BD-09';

export const SUPPORTED_CRS: readonly Crs[] = [
  { uri: CRS84, srid: 4326, latFirst: false, precision: 6, fileCrs: 'wgs84' },
  {
    uri: 'http://www.opengis.net/def/crs/EPSG/0/4326',
    srid: 4326,
    latFirst: true,
    precision: 6,
    fileCrs: 'wgs84',
  },
  {
    uri: 'http://www.opengis.net/def/crs/EPSG/0/4490',
    srid: 4326,
    latFirst: true,
    precision: 6,
    fileCrs: 'cgcs2000',
  },
  { uri: 'http://www.opengis.net/def/crs/EPSG/0/3857', srid: 3857, latFirst: false, precision: 2 },
  { uri: GCJ02_URI, srid: 4326, latFirst: false, precision: 6, fileCrs: 'gcj02' },
  { uri: BD09_URI, srid: 4326, latFirst: false, precision: 6, fileCrs: 'bd09' },
];

/** True for the offset systems of Chinese web maps, which the database cannot produce itself. */
export function isShifted(crs: Crs): boolean {
  return crs.fileCrs === 'gcj02' || crs.fileCrs === 'bd09';
}

/**
 * Short spellings clients use for the same URIs (`EPSG:4326`, `[EPSG:4326]`, `CRS84`, `GCJ-02`,
 * `bd09`); http and https name the same CRS.
 */
function normalise(value: string): string {
  const bare = value.trim().replace(/^\[(.*)\]$/, '$1');
  const epsg = /^EPSG:(\d+)$/i.exec(bare);
  if (epsg) return `http://www.opengis.net/def/crs/EPSG/0/${epsg[1]}`;
  if (/^(OGC:)?CRS84$/i.test(bare)) return CRS84;
  if (/^GCJ-?02$/i.test(bare)) return normalise(GCJ02_URI);
  if (/^BD-?09$/i.test(bare)) return normalise(BD09_URI);
  return bare.replace(/^https:/, 'http:');
}

/** The CRS a `crs`, `bbox-crs` or `filter-crs` parameter names; 400 for anything unsupported. */
export function parseCrs(value: string | undefined, parameter: string): Crs {
  if (value === undefined) return SUPPORTED_CRS[0]!;
  const uri = normalise(value);
  const crs = SUPPORTED_CRS.find((candidate) => normalise(candidate.uri) === uri);
  if (!crs) {
    throw new ValidationError(
      `${parameter}: unsupported CRS '${value}'. Supported: ${SUPPORTED_CRS.map((c) => c.uri).join(', ')}.`,
      [{ path: parameter, message: 'unsupported CRS' }],
    );
  }
  return crs;
}

const EARTH_RADIUS_M = 6_378_137;
const DEG = 180 / Math.PI;

/** Web Mercator metres to longitude/latitude. */
export function mercatorToLngLat(x: number, y: number): [number, number] {
  return [
    (x / EARTH_RADIUS_M) * DEG,
    (2 * Math.atan(Math.exp(y / EARTH_RADIUS_M)) - Math.PI / 2) * DEG,
  ];
}

/** A bounding box as [minLng, minLat, maxLng, maxLat] in CRS84. */
export type LngLatBox = [number, number, number, number];

/**
 * Reads `bbox` (4 or 6 numbers, in the axis order of `crs`) into a CRS84 box. A box whose west
 * edge is east of its east edge crosses the antimeridian, as the standard allows.
 */
export function parseBbox(value: string, crs: Crs): LngLatBox {
  const numbers = value.split(',').map((part) => Number(part.trim()));
  if ((numbers.length !== 4 && numbers.length !== 6) || numbers.some((n) => !Number.isFinite(n))) {
    throw new ValidationError('bbox: give 4 numbers (or 6 with heights), separated by commas.', [
      { path: 'bbox', message: 'expected minx,miny,maxx,maxy' },
    ]);
  }
  const half = numbers.length / 2;
  let [x1, y1, x2, y2] = [numbers[0]!, numbers[1]!, numbers[half]!, numbers[half + 1]!];
  if (crs.latFirst) [x1, y1, x2, y2] = [y1, x1, y2, x2];
  if (crs.srid === 3857)
    [[x1, y1], [x2, y2]] = [mercatorToLngLat(x1, y1), mercatorToLngLat(x2, y2)];
  // The offsets vary slowly, so a box's shifted corners bound the WGS84 box within a metre.
  if (isShifted(crs)) [[x1, y1], [x2, y2]] = [unshift([x1, y1], crs), unshift([x2, y2], crs)];
  if (y1 > y2 || y1 < -90 || y2 > 90 || Math.abs(x1) > 180 || Math.abs(x2) > 180) {
    throw new ValidationError(
      'bbox: the lower latitude must not exceed the upper, and coordinates must lie on the earth.',
      [{ path: 'bbox', message: 'out of range' }],
    );
  }
  return [x1, y1, x2, y2];
}

function unshift(position: [number, number], crs: Crs): [number, number] {
  const [lng, lat] = convertPosition(position, crs.fileCrs!, 'wgs84');
  return [lng!, lat!];
}
