import type { FileCrs } from '../contract/imports';

/** The geographic EPSG codes a file may declare that name one of our CRSs (CRS84 is 4326's). */
const EPSG_CRS: Record<string, FileCrs> = { '4326': 'wgs84', '4490': 'cgcs2000' };

/** Our CRS for an EPSG code (number or text), or null when it is not one of ours. */
export function crsOfEpsg(code: number | string): FileCrs | null {
  return EPSG_CRS[String(code)] ?? null;
}

/**
 * Our CRS for a CRS name as GeoJSON's legacy `crs` member writes it (`EPSG:4326`,
 * `urn:ogc:def:crs:EPSG::4490`, `urn:ogc:def:crs:OGC:1.3:CRS84`, an opengis.net URL), or null.
 */
export function crsOfName(name: string): FileCrs | null {
  if (/CRS:?84$/i.test(name.trim())) return 'wgs84';
  const code = /EPSG(?::[\d.]*:|:|\/0\/)(\d+)\s*$/i.exec(name.trim())?.[1];
  return code ? crsOfEpsg(code) : null;
}
