import gcoord from 'gcoord';
import type { Feature, Geometry, Position } from 'geojson';

/** The CRS a basemap is drawn in: WGS84 (ours) or GCJ-02 (Gaode, Tencent and their like). */
export type MapCrs = 'wgs84' | 'gcj02';

/** The map's CRS as a style's metadata gives it (`yiping:crs`); WGS84 when absent or unknown. */
export function mapCrsOf(metadata: unknown): MapCrs {
  const crs = (metadata as Record<string, unknown> | undefined)?.['yiping:crs'];
  return crs === 'gcj02' ? 'gcj02' : 'wgs84';
}

/** A WGS84 `[lng, lat]` moved to where the map draws it (unchanged on a WGS84 map). */
export function toMapFrame<P extends Position>(position: P, crs: MapCrs): P {
  if (crs === 'wgs84') return position;
  const [lng, lat] = gcoord.transform([position[0]!, position[1]!], gcoord.WGS84, gcoord.GCJ02);
  return [lng, lat, ...position.slice(2)] as P;
}

/**
 * A position read off the map (a click, the view's centre) back in WGS84, what the server
 * stores: the inverse of {@link toMapFrame}, within a few centimetres.
 */
export function fromMapFrame<P extends Position>(position: P, crs: MapCrs): P {
  if (crs === 'wgs84') return position;
  const [lng, lat] = gcoord.transform([position[0]!, position[1]!], gcoord.GCJ02, gcoord.WGS84);
  return [lng, lat, ...position.slice(2)] as P;
}

/** An object with `lng`/`lat` fields (cameras, service points, members, incidents) moved. */
export function pointToMapFrame<T extends { lng: number; lat: number }>(item: T, crs: MapCrs): T {
  if (crs === 'wgs84') return item;
  const [lng, lat] = toMapFrame([item.lng, item.lat], crs);
  return { ...item, lng, lat };
}

type Nested = Position | Nested[];

function moveNested(coordinates: Nested, crs: MapCrs): Nested {
  if (typeof coordinates[0] === 'number') return toMapFrame(coordinates as Position, crs);
  return (coordinates as Nested[]).map((inner) => moveNested(inner, crs));
}

/** A GeoJSON geometry with every position moved to the map's frame (a new object). */
export function geometryToMapFrame<G extends Geometry>(geometry: G, crs: MapCrs): G {
  if (crs === 'wgs84') return geometry;
  if (geometry.type === 'GeometryCollection') {
    return { ...geometry, geometries: geometry.geometries.map((g) => geometryToMapFrame(g, crs)) };
  }
  return { ...geometry, coordinates: moveNested(geometry.coordinates as Nested, crs) } as G;
}

/** A GeoJSON feature moved to the map's frame; properties (and so picking by id) unchanged. */
export function featureToMapFrame<F extends Feature>(feature: F, crs: MapCrs): F {
  if (crs === 'wgs84' || !feature.geometry) return feature;
  return { ...feature, geometry: geometryToMapFrame(feature.geometry, crs) };
}

/** A feature collection (the admin areas) moved to the map's frame; undefined stays so. */
export function areasToMapFrame<C extends { features: Feature[] }>(
  collection: C | undefined,
  crs: MapCrs,
): C | undefined {
  if (!collection || crs === 'wgs84') return collection;
  return { ...collection, features: collection.features.map((f) => featureToMapFrame(f, crs)) };
}

/** Why the server served another style than the one asked for (`yiping:notice`), if it did. */
export function noticeOf(metadata: unknown): string | undefined {
  const notice = (metadata as Record<string, unknown> | undefined)?.['yiping:notice'];
  return typeof notice === 'string' ? notice : undefined;
}
