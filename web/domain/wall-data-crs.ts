import type { LngLat } from './wall-data';
import {
  featureToMapFrame,
  geometryToMapFrame,
  type MapCrs,
  pointToMapFrame,
  toMapFrame,
} from './map-crs';

/** The wall's drawn data as far as positions go (see web/map/use-wall-layers.ts). */
interface PositionedWallData {
  grids: { geometry: Parameters<typeof geometryToMapFrame>[0]; labelAt: LngLat }[];
  cameras: { lng: number; lat: number }[];
  servicePoints: { lng: number; lat: number }[];
  members: { lng: number; lat: number }[];
  trails: ReadonlyMap<string, LngLat[]>;
  incidents: { lng: number; lat: number }[];
  reach: Parameters<typeof featureToMapFrame>[0][];
}

/**
 * Everything the wall screen draws with deck.gl, moved to the basemap's frame: over a GCJ-02
 * basemap each position is shifted as gcoord shifts it, so points sit on the basemap's streets.
 * Codes, ids and order are kept, so what a click picks is still the same grid, camera or
 * incident. On a WGS84 basemap the data is returned as it is.
 */
export function wallDataToMapFrame<D extends PositionedWallData>(data: D, crs: MapCrs): D {
  if (crs === 'wgs84') return data;
  return {
    ...data,
    grids: data.grids.map((grid) => ({
      ...grid,
      geometry: geometryToMapFrame(grid.geometry, crs),
      labelAt: toMapFrame(grid.labelAt, crs),
    })),
    cameras: data.cameras.map((item) => pointToMapFrame(item, crs)),
    servicePoints: data.servicePoints.map((item) => pointToMapFrame(item, crs)),
    members: data.members.map((item) => pointToMapFrame(item, crs)),
    trails: new Map(
      [...data.trails].map(([id, trail]) => [id, trail.map((p) => toMapFrame(p, crs))]),
    ),
    incidents: data.incidents.map((item) => pointToMapFrame(item, crs)),
    reach: data.reach.map((feature) => featureToMapFrame(feature, crs)),
  };
}
