import type { Geometry, Position } from 'geojson';
import wkx from 'wkx';

/** [minX, maxX, minY, maxY], the order of a GeoPackage envelope. */
export type Envelope = [number, number, number, number];

function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf);
  }
}

/** The envelope of a geometry, or null when it has no positions. */
export function envelopeOf(geometry: Geometry): Envelope | null {
  const positions = positionsOf(geometry);
  if (positions.length === 0) return null;
  const xs = positions.map((p) => p[0]!);
  const ys = positions.map((p) => p[1]!);
  return [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
}

/** The union of two envelopes (either may be null). */
export function unionEnvelope(a: Envelope | null, b: Envelope | null): Envelope | null {
  if (!a || !b) return a ?? b;
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.max(a[3], b[3])];
}

/**
 * A geometry as a GeoPackage binary (GeoPackage 1.2 §2.1.3): `GP`, version 0, flags (little
 * endian, an XY envelope or the empty bit), the srs_id, the envelope, then standard WKB.
 */
export function gpkgGeometry(geometry: Geometry, srsId: number): Uint8Array {
  const envelope = envelopeOf(geometry);
  const header = Buffer.alloc(8 + (envelope ? 32 : 0));
  header.write('GP', 0, 'ascii');
  header.writeUInt8(0, 2);
  header.writeUInt8(envelope ? 0b0000_0011 : 0b0001_0001, 3);
  header.writeInt32LE(srsId, 4);
  envelope?.forEach((value, index) => header.writeDoubleLE(value, 8 + index * 8));
  const wkb = wkx.Geometry.parseGeoJSON(geometry).toWkb();
  return Buffer.concat([header, wkb]);
}
