import {
  BASEMAP_LAYERS,
  placeLevels,
  roadClassesAt,
  type BasemapLayer,
} from '../domain/tile-basemap';
import type { TileLayerSpec } from './tiles-layers';

type SourceOf = Omit<TileLayerSpec, 'name' | 'description' | 'columns' | 'minZoom'>;

/** Where each basemap layer comes from; its name, fields and zooms are in domain/tile-basemap. */
const SOURCES: Record<BasemapLayer['id'], SourceOf> = {
  water: { table: 'water_areas', kind: 'polygon', orderBy: 't.id' },
  roads: {
    table: 'roads',
    kind: 'line',
    orderBy: 't.id',
    where: (z, params) => `t.class = ANY(${params.add(roadClassesAt(z))}::text[])`,
  },
  buildings: { table: 'buildings', kind: 'polygon', orderBy: 't.id' },
  boundaries: { table: 'admin_areas', kind: 'polygon', orderBy: 't.code' },
  places: {
    table: 'admin_areas',
    kind: 'point',
    geomSql: 'ST_PointOnSurface(t.geom)',
    orderBy: 't.code',
    where: (z, params) => `t.level = ANY(${params.add(placeLevels(z))}::text[])`,
  },
};

/**
 * The basemap's tile layers, bottom first. Every field is a column of the same name. Roads and
 * water are visible to every signed-in caller; buildings and admin areas follow the caller's
 * scope through row-level security, like every other layer.
 */
export const BASEMAP_TILE_LAYERS: readonly TileLayerSpec[] = BASEMAP_LAYERS.map((layer) => ({
  ...SOURCES[layer.id],
  name: layer.id,
  description: layer.description,
  minZoom: layer.minzoom,
  columns: Object.entries(layer.fields).map(([name, field]) => ({ name, sql: `t.${name}`, field })),
}));
