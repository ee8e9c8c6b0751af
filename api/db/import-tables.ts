import type { ImportCollection } from '../contract/imports';

/** A column an import writes, with the SQL type its JSON value is read as. */
export interface ImportColumn {
  name: string;
  type: 'text' | 'integer' | 'double precision' | 'boolean';
}

/** The table behind a collection, as the import writes it. */
export interface ImportTable {
  name: string;
  key: 'code' | 'id';
  columns: readonly ImportColumn[];
  /** True when rows carry a `geom` (stored SRID 4326, rings counter-clockwise). */
  geometry: boolean;
}

const t = (name: string): ImportColumn => ({ name, type: 'text' });
const int = (name: string): ImportColumn => ({ name, type: 'integer' });
const dbl = (name: string): ImportColumn => ({ name, type: 'double precision' });
const bool = (name: string): ImportColumn => ({ name, type: 'boolean' });

/**
 * The columns each import writes. Others are left alone: a grid's leader, a member's live
 * position and duty time, which the running system owns.
 */
export const IMPORT_TABLES: Readonly<Record<ImportCollection, ImportTable>> = {
  'admin-areas': {
    name: 'admin_areas',
    key: 'code',
    columns: [t('code'), t('name'), t('level'), t('parent_code'), t('kind')],
    geometry: true,
  },
  grids: {
    name: 'grids',
    key: 'code',
    columns: [
      t('code'),
      t('name'),
      t('community_code'),
      t('street_code'),
      t('kind'),
      int('households'),
      int('population'),
      int('shops'),
    ],
    geometry: true,
  },
  members: {
    name: 'grid_members',
    key: 'id',
    columns: [
      t('id'),
      t('name'),
      t('role'),
      t('phone'),
      t('street_code'),
      t('community_code'),
      bool('on_duty'),
    ],
    geometry: false,
  },
  cameras: {
    name: 'cameras',
    key: 'code',
    columns: [
      t('code'),
      t('name'),
      t('kind'),
      t('street_code'),
      t('community_code'),
      dbl('heading'),
      dbl('fov'),
      dbl('range_m'),
      t('status'),
      t('stream_url'),
    ],
    geometry: true,
  },
  'service-points': {
    name: 'service_points',
    key: 'code',
    columns: [
      t('code'),
      t('name'),
      t('category'),
      t('street_code'),
      t('community_code'),
      int('capacity'),
      t('opening_hours'),
    ],
    geometry: true,
  },
  buildings: {
    name: 'buildings',
    key: 'code',
    columns: [
      t('code'),
      t('name'),
      t('grid_code'),
      t('street_code'),
      int('floors'),
      int('households'),
      int('population'),
    ],
    geometry: true,
  },
  roads: {
    name: 'roads',
    key: 'code',
    columns: [t('code'), t('name'), t('class'), bool('bridge'), t('street_code')],
    geometry: true,
  },
  water: {
    name: 'water_areas',
    key: 'code',
    columns: [t('code'), t('name'), t('kind')],
    geometry: true,
  },
};
