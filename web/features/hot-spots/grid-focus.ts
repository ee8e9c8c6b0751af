import type { Bounds } from '../../domain/geometry';
import type { AreaGeometry, GridArea } from '../../domain/wall-data';
import type { MapFocus } from '../../map/use-map-focus';

/** The box around a grid's outer rings. */
export function areaBounds(geometry: AreaGeometry): Bounds | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const points = polygons.flatMap((polygon) => polygon[0] ?? []);
  if (points.length === 0) return null;
  const lngs = points.map(([lng]) => lng);
  const lats = points.map(([, lat]) => lat);
  return [
    [Math.min(...lngs), Math.min(...lats)],
    [Math.max(...lngs), Math.max(...lats)],
  ];
}

/**
 * Where the map goes for a hot grid: its box, under a key made new by `at` (epoch ms) so a
 * second click on the same grid flies again. Null for a grid the wall has not loaded.
 */
export function focusOfGrid(grids: readonly GridArea[], code: string, at: number): MapFocus | null {
  const grid = grids.find((g) => g.code === code);
  const bounds = grid ? areaBounds(grid.geometry) : null;
  return bounds ? { key: `grid-${code}-${at}`, bounds } : null;
}
