import { ROAD_CLASSES, type AdminLevel, type RoadClass } from '../contract/codes';
import type { TileFieldType } from './tile-json';

/** A layer of the basemap tiles: its name and fields are a contract the map styles rely on. */
export interface BasemapLayer {
  id: 'water' | 'roads' | 'buildings' | 'boundaries' | 'places';
  description: string;
  /** The first zoom whose tiles carry this layer. */
  minzoom: number;
  fields: Record<string, TileFieldType>;
}

/**
 * The basemap served at `/tiles/basemap/{z}/{x}/{y}.mvt`, bottom layer first. Keep names and
 * fields stable: the MapLibre styles in api/styles refer to them.
 */
export const BASEMAP_LAYERS: readonly BasemapLayer[] = [
  {
    id: 'water',
    description: '水系：河流与湖泊。Rivers and lakes (kind: river | lake).',
    minzoom: 0,
    fields: { name: 'String', kind: 'String' },
  },
  {
    id: 'roads',
    description:
      '道路中心线；小区内部道路与步道（path）15级起。Road centre lines (class: arterial | street | alley | path; paths from zoom 15).',
    minzoom: 0,
    fields: { name: 'String', class: 'String', bridge: 'Boolean' },
  },
  {
    id: 'buildings',
    description: '建筑轮廓（14级起）。Building footprints, from zoom 14.',
    minzoom: 14,
    fields: { floors: 'Number' },
  },
  {
    id: 'boundaries',
    description: '行政区划边界。Admin-area polygons (level: district | street | community).',
    minzoom: 0,
    fields: { code: 'String', name: 'String', level: 'String' },
  },
  {
    id: 'places',
    description:
      '行政区划标注点：区（各级）、街道（11级起）、社区（13级起）。Label points of admin areas: district at every zoom, streets from 11, communities from 13.',
    minzoom: 0,
    fields: { code: 'String', name: 'String', level: 'String' },
  },
];

/** Zoom from which `roads` carries compound lanes and footpaths (class `path`). */
export const PATHS_MIN_ZOOM = 15;

/** The road classes `roads` carries at zoom `z`: paths only from PATHS_MIN_ZOOM. */
export function roadClassesAt(z: number): RoadClass[] {
  return ROAD_CLASSES.filter((roadClass) => roadClass !== 'path' || z >= PATHS_MIN_ZOOM);
}

/** Zoom from which street labels appear in `places`. */
export const STREET_LABEL_ZOOM = 11;
/** Zoom from which community labels appear in `places`. */
export const COMMUNITY_LABEL_ZOOM = 13;

/** The admin levels labelled in `places` at zoom `z`: the district always, then finer ones. */
export function placeLevels(z: number): AdminLevel[] {
  const levels: AdminLevel[] = ['district'];
  if (z >= STREET_LABEL_ZOOM) levels.push('street');
  if (z >= COMMUNITY_LABEL_ZOOM) levels.push('community');
  return levels;
}
