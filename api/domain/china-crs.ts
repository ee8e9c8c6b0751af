import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';
import type { FileCrs } from '../contract/imports';

/** gcoord's names for our file CRSs. CGCS2000 is WGS84 within a metre, so it is not converted. */
const GCOORD_CRS = {
  wgs84: gcoord.WGS84,
  cgcs2000: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
} as const;

/** True when converting between the two changes nothing (WGS84 and CGCS2000 are one here). */
export function sameCrs(a: FileCrs, b: FileCrs): boolean {
  return GCOORD_CRS[a] === GCOORD_CRS[b];
}

/** One `[lng, lat]` position converted from one file CRS to another (extra ordinates kept). */
export function convertPosition(position: Position, from: FileCrs, to: FileCrs): Position {
  if (sameCrs(from, to)) return [...position];
  const [lng, lat] = gcoord.transform(
    [position[0]!, position[1]!],
    GCOORD_CRS[from],
    GCOORD_CRS[to],
  );
  return [lng, lat, ...position.slice(2)];
}

/** A geometry with every position converted from one file CRS to another (a new object). */
export function convertGeometry<G extends Geometry>(geometry: G, from: FileCrs, to: FileCrs): G {
  const at = (p: Position) => convertPosition(p, from, to);
  return mapPositions(geometry, at) as G;
}

/** A new geometry with every position passed through `at` (a datum shift, an unprojection). */
export function mapPositions(geometry: Geometry, at: (p: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: at(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: geometry.coordinates.map(at) };
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map((l) => l.map(at)) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((p) => p.map((l) => l.map(at))),
      };
    case 'GeometryCollection':
      return {
        type: 'GeometryCollection',
        geometries: geometry.geometries.map((g) => mapPositions(g, at)),
      };
  }
}
