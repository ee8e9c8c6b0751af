import type { Geometry, Position } from './ast';

/**
 * Canonical 2D WKT for a parsed geometry literal. It is written from the parsed numbers, never
 * copied from the filter text. Z values are dropped: the spatial predicates are planar 2D tests
 * on CRS84 coordinates, and 2D avoids PostGIS mixed-dimension errors.
 */
export function formatWkt(geometry: Geometry): string {
  switch (geometry.type) {
    case 'Point':
      return `POINT(${formatPosition(geometry.coordinates)})`;
    case 'LineString':
      return `LINESTRING${formatLine(geometry.coordinates)}`;
    case 'Polygon':
      return `POLYGON${formatPolygon(geometry.coordinates)}`;
    case 'MultiPoint':
      return `MULTIPOINT(${geometry.coordinates.map((p) => `(${formatPosition(p)})`).join(',')})`;
    case 'MultiLineString':
      return `MULTILINESTRING(${geometry.coordinates.map(formatLine).join(',')})`;
    case 'MultiPolygon':
      return `MULTIPOLYGON(${geometry.coordinates.map(formatPolygon).join(',')})`;
    case 'GeometryCollection':
      return `GEOMETRYCOLLECTION(${geometry.geometries.map(formatWkt).join(',')})`;
  }
}

function formatPosition(position: Position): string {
  return `${position[0]} ${position[1]}`;
}

function formatLine(positions: Position[]): string {
  return `(${positions.map(formatPosition).join(',')})`;
}

function formatPolygon(rings: Position[][]): string {
  return `(${rings.map(formatLine).join(',')})`;
}

/** Every position of a geometry, collections included. */
export function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return geometry.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf);
  }
}
