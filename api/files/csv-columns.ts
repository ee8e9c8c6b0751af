/** Which CSV columns carry a feature's geometry, by the headers district spreadsheets use. */

/** Headers of a longitude column (compared lower-cased and trimmed). */
export const LNG_HEADERS = [
  '经度',
  '东经',
  'lng',
  'lon',
  'long',
  'longitude',
  'x',
  'x坐标',
  '经度坐标',
];
/** Headers of a latitude column (compared lower-cased and trimmed). */
export const LAT_HEADERS = ['纬度', '北纬', 'lat', 'latitude', 'y', 'y坐标', '纬度坐标'];
/** Headers of a WKT column (compared lower-cased and trimmed). */
export const WKT_HEADERS = [
  'wkt',
  'geometry',
  'geom',
  'the_geom',
  'shape',
  '几何',
  '坐标wkt',
  '几何wkt',
  '空间信息',
];

/** Where a CSV's geometry is: a pair of coordinate columns, a WKT column, or nowhere. */
export type CsvGeometryColumns =
  { kind: 'lnglat'; lng: number; lat: number } | { kind: 'wkt'; wkt: number } | { kind: 'none' };

/**
 * Finds the geometry columns among the headers: a WKT column wins over coordinate columns only
 * when no complete lng/lat pair exists.
 */
export function findGeometryColumns(headers: string[]): CsvGeometryColumns {
  const lng = indexOfAny(headers, LNG_HEADERS);
  const lat = indexOfAny(headers, LAT_HEADERS);
  if (lng >= 0 && lat >= 0) return { kind: 'lnglat', lng, lat };
  const wkt = indexOfAny(headers, WKT_HEADERS);
  if (wkt >= 0) return { kind: 'wkt', wkt };
  return { kind: 'none' };
}

function indexOfAny(headers: string[], names: string[]): number {
  for (const name of names) {
    const index = headers.findIndex((h) => h.trim().toLowerCase() === name);
    if (index >= 0) return index;
  }
  return -1;
}

/**
 * A coordinate from a cell: plain decimal text, surrounding spaces allowed, full-width digits,
 * point and minus (as Chinese input methods type them) read as their ASCII forms. Null when empty
 * or not a finite number.
 */
export function parseCoordinate(cell: string | undefined): number | null {
  const text = toHalfWidth(cell ?? '').trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff10-\uff19\uff0b\uff0d\uff0e]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/\u3000/g, ' ')
    .replace(/\u2212/g, '-');
}
