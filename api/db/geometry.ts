import type { Geometry } from 'geojson';
import { sql } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';

/**
 * A PostGIS geometry column with its type and SRID (drizzle's built-in `geometry()` is
 * point-only and stores SRID 0). Writes take GeoJSON; reads must select
 * `ST_AsGeoJSON(geom)` explicitly — raw column values are EWKB hex.
 */
export const geometry = customType<{
  data: Geometry;
  driverData: string;
  config: { type: 'Point' | 'LineString' | 'Polygon' | 'MultiPolygon' };
  configRequired: true;
}>({
  dataType: (config) => `geometry(${config.type}, 4326)`,
  toDriver: (value) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(value)}), 4326)`,
});
