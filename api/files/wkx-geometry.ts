import { Buffer } from 'node:buffer';
import type { Geometry } from 'geojson';
import wkx from 'wkx';

/** A GeoJSON geometry from WKT or EWKT text (POINT, LINESTRING, POLYGON, MULTI*, collections). */
export function geometryFromWkt(wkt: string): Geometry {
  return wkx.Geometry.parse(wkt.trim()).toGeoJSON() as Geometry;
}

/** A GeoJSON geometry from WKB bytes (GeoPackage bodies, after their header). */
export function geometryFromWkb(wkb: Uint8Array): Geometry {
  return wkx.Geometry.parse(
    Buffer.from(wkb.buffer, wkb.byteOffset, wkb.byteLength),
  ).toGeoJSON() as Geometry;
}
