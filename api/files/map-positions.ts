import type { Geometry, Position } from 'geojson';

/** A new geometry with every position passed through `at` (used to unproject a projected file). */
export function convertGeometryPositions(
  geometry: Geometry,
  at: (p: Position) => Position,
): Geometry {
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
        geometries: geometry.geometries.map((g) => convertGeometryPositions(g, at)),
      };
  }
}
